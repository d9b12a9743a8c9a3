import ClinicContent
import ClinicTestSupport
import Foundation
import Testing

/// Two drafts of the real content: random edits of every kind, each side's touching fields the other's do not.
struct RandomDrafts: CustomStringConvertible {
    var base: SiteContent
    var ours: [MergeEdit] = []
    var theirs: [MergeEdit] = []

    init(_ editor: inout MergeEditor, from base: SiteContent) {
        self.base = base
        let (oursCount, theirsCount) = (Int.random(in: 1...8, using: &editor.random), Int.random(in: 1...8, using: &editor.random))
        var (oursContent, theirsContent) = (base, base)
        for step in 0..<max(oursCount, theirsCount) {
            if step < oursCount, let edit = editor.edit(of: oursContent, side: "a", avoiding: theirs.flatMap(\.claims)) {
                edit.apply(&oursContent)
                ours.append(edit)
            }
            if step < theirsCount, let edit = editor.edit(of: theirsContent, side: "b", avoiding: ours.flatMap(\.claims)) {
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

    var description: String { "ours: \(ours.map(\.name)); theirs: \(theirs.map(\.name))" }
}

@Suite("merging random drafts: the merge is their edits made one after the other")
struct ContentMergePropertyTests {
    @Test("disjoint drafts merge to both drafts' edits made one after the other, in either order, byte for byte (300 seeded pairs)")
    func disjointDrafts() throws {
        let base = try realContent()
        var editor = MergeEditor(random: SeededRandom(state: 20_261_207))
        var shared = 0
        var kinds: [String: Int] = [:]
        for _ in 0..<300 {
            let drafts = RandomDrafts(&editor, from: base)
            for edit in drafts.ours + drafts.theirs {
                kinds[edit.name.split(separator: " ").prefix(2).joined(separator: " "), default: 0] += 1
            }
            let merge = drafts.merge
            let expected = drafts.oursThenTheirs
            // The edits themselves commute: they touch different fields.
            #expect(expected == drafts.theirsThenOurs, "\(drafts)")
            #expect(merge.conflicts == [], "\(drafts)")
            #expect(merge.textMergeNeeded == [], "\(drafts)")
            #expect(
                merge.files == expected,
                "\(drafts): \(Set(expected.keys).union(merge.files.keys).filter { expected[$0] != merge.files[$0] })")
            let reread = try ContentLoader().load(from: InMemorySource(files: merge.files))
            #expect(canonicalFiles(reread.content) == merge.files, "\(drafts)")
            shared += drafts.sharedFiles.isEmpty ? 0 : 1
        }
        // Most pairs changed a file on both sides (the case a text merge could not do), and every kind of edit was made.
        #expect(shared >= 150, "\(shared) of 300 pairs changed one file on both sides")
        let everyKind = [
            "faq add", "faq remove", "faq question", "faq answer", "faq translate", "faq category", "faq position", "faq tags",
            "hours set", "special add", "special remove", "category add", "category rename", "category move", "social add",
            "social remove", "social url", "social move", "location city", "location label/es", "clinic email", "clinic display",
        ]
        #expect(everyKind.filter { kinds[$0, default: 0] < 5 } == [], "\(kinds)")
    }

    @Test(
        "drafts that also change one field each its own way: exactly that field conflicts, and a choice gives that side's value (200 seeded pairs)"
    )
    func oneFieldBothWays() throws {
        let base = try realContent()
        var editor = MergeEditor(random: SeededRandom(state: 20_261_208))
        var keys = Set<String>()
        for _ in 0..<200 {
            var drafts = RandomDrafts(&editor, from: base)
            let taken = (drafts.ours + drafts.theirs).flatMap(\.claims)
            guard let field = editor.conflictingField(of: base, avoiding: taken) else { continue }
            drafts.ours.append(field.ours)
            drafts.theirs.append(field.theirs)
            keys.insert(String(field.key.split(separator: ":")[0].split(separator: "/")[0]))
            let merge = drafts.merge
            #expect(merge.conflicts.map(\.key) == [field.key], "\(drafts)")
            #expect(merge.textMergeNeeded == [], "\(drafts)")
            let ours = Result { () throws(MergeResolutionError) in try merge.resolving([field.key: .ours]) }
            let theirs = Result { () throws(MergeResolutionError) in try merge.resolving([field.key: .theirs]) }
            #expect(try ours.get().isComplete && theirs.get().isComplete, "\(drafts)")
            #expect(try ours.get().files == drafts.theirsThenOurs, "\(drafts)")
            #expect(try theirs.get().files == drafts.oursThenTheirs, "\(drafts)")
        }
        #expect(keys == ["faq", "hours", "categories", "social", "location", "clinic"])
    }
}

/// One field both drafts change, each to its own value, and the key its conflict has.
struct ConflictingField {
    var key: String
    var ours: MergeEdit
    var theirs: MergeEdit
}

extension MergeEditor {
    /// A field no edit in `taken` touches, set one way by ours and another by theirs.
    mutating func conflictingField(of base: SiteContent, avoiding taken: [String]) -> ConflictingField? {
        for _ in 0..<40 {
            guard let (claim, key, edit) = conflictCandidate(base) else { continue }
            let field = ConflictingField(
                key: key, ours: MergeEdit(name: "ours \(claim)", claims: [claim], apply: edit("ours")),
                theirs: MergeEdit(name: "theirs \(claim)", claims: [claim], apply: edit("theirs")))
            if !field.ours.collides(with: taken) { return field }
        }
        return nil
    }

    /// A field's claim, its conflict's key, and its edit to a value named after the side.
    mutating func conflictCandidate(_ base: SiteContent) -> (String, String, (String) -> (inout SiteContent) -> Void)? {
        guard let id = pick(base.faq)?.id, let location = pick(base.locations)?.id, let day = pick(Weekday.allCases),
            let date = pick(Self.dates), let network = pick(base.social)?.network.rawValue
        else { return nil }
        let category = "trigger-point-dry-needling"
        switch Int.random(in: 0..<7, using: &random) {
        case 0:
            return (
                "faq/\(id)/answer/en", "faq/\(id):answer.en",
                { side in { $0.editFAQ(id) { $0.answer.set("\(side) answer", locale: "en") } } }
            )
        case 1:
            let ranges = ["ours": [range("09:00-13:00")], "theirs": [range("08:00-12:00"), range("13:00-17:00")]]
            return (
                "hours/\(location)/day/\(day)", "hours/\(location):\(day)",
                { side in { $0.editHours(location) { $0.open(day, ranges[side]!) } } }
            )
        case 2:
            let special = [
                "ours": SpecialHours(from: date, closed: true),
                "theirs": SpecialHours(from: date, closed: false, ranges: [range("09:00-12:00")]),
            ]
            return (
                "hours/\(location)/special/\(date)", "hours/\(location):special.\(date)",
                { side in { $0.editHours(location) { $0.special(special[side]!) } } }
            )
        case 3:
            return (
                "categories/\(category)/title/en", "categories/\(category):title.en",
                { side in
                    { c in c.categories[c.categories.firstIndex { $0.id == category }!].title.set("\(side) title", locale: "en") }
                }
            )
        case 4:
            return (
                "social/\(network)/url", "social/\(network):url",
                { side in
                    { c in c.social[c.social.firstIndex { $0.network.rawValue == network }!].url = "https://\(network).example/\(side)" }
                }
            )
        case 5:
            return (
                "location/\(location)/city", "location/\(location):address.city",
                { side in { $0.editLocation(location) { $0.address.city = side } } }
            )
        default: return ("clinic/email", "clinic:email", { side in { $0.clinic.email = "\(side)@clinic.example" } })
        }
    }
}
