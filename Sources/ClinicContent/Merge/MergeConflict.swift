/// One field both sides changed, differently: what a person decides.
///
/// Said in the clinic's words, the three values as short text:
/// `hours glenview · Saturday: was by appointment; now published 09:00-13:00; this draft 08:00-12:00`.
public struct MergeConflict: Hashable, Sendable, CustomStringConvertible {
    /// The field's stable name, what a choice names: `hours/glenview:sat`,
    /// `hours/glenview:special.2026-12-24`, `faq/what-is-dry-needling:answer.es`,
    /// `categories:order`, `social/x:url`, `clinic:phone.display`; a record alone
    /// (`faq/what-is-dry-needling`) when one side removed it and the other changed it;
    /// `file:PATH` for a file clinicctl does not read as records.
    public var key: String
    /// The repository path of the file holding it (`content/hours/glenview.yaml`).
    public var path: String
    /// The record, kind then id: `hours glenview`, `faq what-is-dry-needling`, `categories`.
    public var record: String
    /// The field as the clinic says it: `Saturday`, `special hours 2026-12-24`, `answer (es)`,
    /// `category order`; empty for the whole record or file.
    public var field: String
    /// What it was where the two sides started.
    public var base: String
    /// What the draft made it.
    public var ours: String
    /// What was published meanwhile.
    public var theirs: String

    public init(key: String, path: String, record: String, field: String, base: String, ours: String, theirs: String) {
        self.key = key
        self.path = path
        self.record = record
        self.field = field
        self.base = base
        self.ours = ours
        self.theirs = theirs
    }

    init(_ place: FieldPlace, _ texts: MergeSides<String>) {
        self.init(
            key: place.key, path: place.record.path, record: place.record.label, field: place.label,
            base: texts.base, ours: texts.ours, theirs: texts.theirs)
    }

    public var description: String {
        let name = field.isEmpty ? record : "\(record) · \(field)"
        return "\(name): was \(base); now published \(theirs); this draft \(ours)"
    }
}

/// A record in a file, as conflicts name it.
struct RecordPlace {
    /// The repository path.
    var path: String
    /// `faq/what-is-dry-needling`, `categories`, `file:content/notes.txt`.
    var key: String
    /// `faq what-is-dry-needling`.
    var label: String
    /// The default locale the merged content is written in, which texts in it are named without.
    var locale: String

    /// A field of this record.
    func field(_ key: String, _ label: String) -> FieldPlace { FieldPlace(record: self, fieldKey: key, label: label) }

    /// The record as a whole.
    var whole: FieldPlace { FieldPlace(record: self, fieldKey: "", label: "") }

    /// An item of a list this record holds (a category, a social link), as a record of its own.
    func item(_ id: String, _ label: String) -> RecordPlace {
        RecordPlace(path: path, key: "\(key)/\(id)", label: label, locale: locale)
    }

    /// `answer` in the default locale, `answer (es)` in another.
    func localized(_ name: String, _ locale: String) -> String { locale == self.locale ? name : "\(name) (\(locale))" }
}

/// A field of a record, as conflicts and choices name it.
struct FieldPlace {
    var record: RecordPlace
    /// `answer.es`; empty for the whole record.
    var fieldKey: String
    var label: String

    var key: String { fieldKey.isEmpty ? record.key : "\(record.key):\(fieldKey)" }
}
