import ClinicContent
import ClinicTestSupport
import Foundation

/// The real content with something in every place the merge reads field by field: Spanish
/// beside English (an FAQ entry, a location's label, a category's title, Saturday's
/// appointment note at Glenview) and three categories, so that translations and the
/// categories' order have something to change.
func mergeBase() throws -> SiteContent {
    var content = try realContent()
    content.editFAQ(content.faq[0].id) {
        $0.question.set("¿Qué es la punción seca?", locale: "es")
        $0.answer.set("La punción seca es un procedimiento con una aguja fina.", locale: "es")
    }
    content.editLocation("glenview") { $0.label.set("Glenview (sede norte)", locale: "es") }
    content.categories[0].title.set("Punción seca", locale: "es")
    content.categories += [
        FAQCategory(id: "insurance-and-billing", title: LocalizedText(["en": "Insurance and billing", "es": "Seguros y facturación"])),
        FAQCategory(id: "scheduling", title: LocalizedText("Scheduling", locale: "en")),
    ]
    content.editHours("glenview") { hours in
        hours.byAppointment = hours.byAppointment.map {
            AppointmentDays(days: $0.days, note: LocalizedText(["en": "By appointment", "es": "Con cita"]))
        }
    }
    return content
}

/// Two drafts of one base: random edits of every kind, each side's touching fields the other's do not.
struct RandomDrafts: CustomStringConvertible {
    var base: SiteContent
    var ours: [MergeEdit] = []
    var theirs: [MergeEdit] = []

    /// Drafts of `base` whose edits claim nothing in `reserved` either.
    init(_ editor: inout MergeEditor, from base: SiteContent, reserving reserved: [String] = []) {
        self.base = base
        let (oursCount, theirsCount) = (Int.random(in: 1...8, using: &editor.random), Int.random(in: 1...8, using: &editor.random))
        var (oursContent, theirsContent) = (base, base)
        for step in 0..<max(oursCount, theirsCount) {
            if step < oursCount, let edit = editor.edit(of: oursContent, side: "a", avoiding: reserved + theirs.flatMap(\.claims)) {
                edit.apply(&oursContent)
                ours.append(edit)
            }
            if step < theirsCount, let edit = editor.edit(of: theirsContent, side: "b", avoiding: reserved + ours.flatMap(\.claims)) {
                edit.apply(&theirsContent)
                theirs.append(edit)
            }
        }
    }

    static func applying(_ edits: [MergeEdit], to content: SiteContent) -> SiteContent {
        var content = content
        for edit in edits { edit.apply(&content) }
        return content
    }

    var oursContent: SiteContent { Self.applying(ours, to: base) }
    var theirsContent: SiteContent { Self.applying(theirs, to: base) }
    /// The published edits, then the draft's: where the draft's are made last.
    var theirsThenOurs: [String: Data] { canonicalFiles(Self.applying(ours, to: theirsContent)) }
    var oursThenTheirs: [String: Data] { canonicalFiles(Self.applying(theirs, to: oursContent)) }

    var merge: ContentMerge {
        ContentMerge(base: canonicalFiles(base), ours: canonicalFiles(oursContent), theirs: canonicalFiles(theirsContent))
    }

    /// Paths both drafts changed: where the merge reads records.
    var sharedFiles: Set<String> {
        let (before, a, b) = (canonicalFiles(base), canonicalFiles(oursContent), canonicalFiles(theirsContent))
        return Set(before.keys).union(a.keys).union(b.keys).filter { before[$0] != a[$0] && before[$0] != b[$0] }
    }

    /// Both drafts also make `field`, each its own way.
    mutating func add(_ field: ConflictingField) {
        ours.append(field.ours)
        theirs.append(field.theirs)
    }

    var description: String { "ours: \(ours.map(\.name)); theirs: \(theirs.map(\.name))" }
}
