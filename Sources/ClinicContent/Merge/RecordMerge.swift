/// One field of a kind of record: its key and name, and how the merge reads, sets and says it.
struct MergeField<Record> {
    /// `answer.es`: what a choice names, after the record's key.
    let key: String
    /// `answer (es)`: what a person reads.
    let label: String
    /// Sets the field of `merged` (which starts as ours) to its merged value.
    let merge: (MergeSides<Record?>, inout Record, FieldPlace, inout MergeRun) throws(TextMergeNeeded) -> Void
    /// Whether two versions of the record differ in this field.
    let differs: (Record, Record) -> Bool

    /// A field read with `get` and written with `set`, which is called only when the merged
    /// value is not ours already (so a field that is one view of several stored parts, as a
    /// weekday is of the weekly rules, leaves ours as it is).
    init<Value: Equatable>(
        _ key: String, _ label: String, get: @escaping (Record) -> Value,
        set: @escaping (inout Record, Value) throws(TextMergeNeeded) -> Void, text: @escaping (Value) -> String
    ) {
        self.key = key
        self.label = label
        merge = { (sides, merged, place, run) throws(TextMergeNeeded) in
            let values = sides.map { $0.map(get) }
            let decided = run.decide(values, at: place) { values.map { $0.map(text) ?? "none" } }
            if let decided, decided != values.ours { try set(&merged, decided) }
        }
        differs = { get($0) != get($1) }
    }

    init<Value: Equatable>(_ key: String, _ label: String, _ path: WritableKeyPath<Record, Value>, text: @escaping (Value) -> String) {
        self.init(key, label, get: { $0[keyPath: path] }, set: { $0[keyPath: path] = $1 }, text: text)
    }

    /// A text field: shortened to one line when shown.
    static func text(_ key: String, _ label: String, _ path: WritableKeyPath<Record, String>) -> MergeField {
        MergeField(key, label, path, text: MergeText.short)
    }

    /// A text field that may be missing.
    static func text(_ key: String, _ label: String, _ path: WritableKeyPath<Record, String?>) -> MergeField {
        MergeField(key, label, path, text: MergeText.short)
    }

    /// One field per locale any version writes the text in (`question (es)`, keyed `question.es`),
    /// the default locale first.
    static func localized(
        _ key: String, _ name: String, _ path: WritableKeyPath<Record, LocalizedText>, _ sides: MergeSides<Record?>,
        _ place: RecordPlace
    ) -> [MergeField] {
        let versions = [sides.base, sides.ours, sides.theirs].compactMap { $0 }
        let locales = Set(versions.flatMap { $0[keyPath: path].translations.keys })
        let ordered = (locales.contains(place.locale) ? [place.locale] : []) + locales.subtracting([place.locale]).sorted()
        return ordered.map { locale in
            text("\(key).\(locale)", place.localized(name, locale), path.appending(path: \LocalizedText.translations[locale]))
        }
    }
}

/// Merges one record field by field; a record one side removed and the other changed is one conflict.
struct RecordMerge<Record: Equatable> {
    let fields: [MergeField<Record>]

    /// The merged record; nil when the merge removes it.
    func merge(_ sides: MergeSides<Record?>, at place: RecordPlace, _ run: inout MergeRun) throws(TextMergeNeeded) -> Record? {
        if let side = sides.changedSide { return sides[side] }
        guard var merged = sides.ours, sides.theirs != nil else {
            return sides[run.choose(at: place.whole) { presence(sides) }]
        }
        try checkFieldsCover(sides)
        for field in fields { try field.merge(sides, &merged, place.field(field.key, field.label), &run) }
        return merged
    }

    /// Versions of a record that differ, but in no field of the list, hold something the list
    /// misses: merging field by field would lose it, so the file is left to a text merge.
    func checkFieldsCover(_ sides: MergeSides<Record?>) throws(TextMergeNeeded) {
        let versions = [sides.base, sides.ours, sides.theirs].compactMap { $0 }
        for a in versions {
            for b in versions where a != b && !fields.contains(where: { $0.differs(a, b) }) { throw TextMergeNeeded() }
        }
    }

    /// `was there; now published removed; this draft changed (answer, category)`.
    func presence(_ sides: MergeSides<Record?>) -> MergeSides<String> {
        func said(_ version: Record?) -> String {
            guard let version else { return "removed" }
            guard let base = sides.base else { return "added" }
            let changed = fields.filter { $0.differs(base, version) }.map(\.label)
            return changed.isEmpty ? "kept" : "changed (\(changed.joined(separator: ", ")))"
        }
        return MergeSides(base: sides.base == nil ? "not there" : "there", ours: said(sides.ours), theirs: said(sides.theirs))
    }
}

/// Values as a conflict shows them: one short line each.
enum MergeText {
    /// At most this many characters of a text are shown.
    static let limit = 60

    static func short(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if line.isEmpty { return "(empty)" }
        return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
    }

    static func short(_ text: String?) -> String { text.map { short($0) } ?? "none" }

    /// `tiktok, x, linkedin`.
    static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }
}
