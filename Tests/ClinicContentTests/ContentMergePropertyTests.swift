import ClinicContent
import ClinicTestSupport
import Foundation
import Testing

@Suite("merging random drafts: the merge is their edits made one after the other")
struct ContentMergePropertyTests {
    /// Every kind of edit the drafts make, by the first two words of its name.
    static let everyKind = [
        "faq add", "faq remove", "faq question", "faq answer", "faq translate", "faq untranslate", "faq category", "faq position",
        "faq tags", "faq reviewed", "hours set", "special add", "special remove", "category add", "category rename",
        "category move", "category remove", "social add", "social remove", "social url", "social handle", "social move",
        "location city", "location zip", "location street", "location status", "location label/en", "location label/es",
        "location phone", "location coordinates", "clinic email", "clinic website", "clinic display", "clinic name/es",
        "clinic legalName", "clinic timeZone", "clinic capabilities", "clinic businessTypes", "clinic copyright",
    ]

    /// Every kind of field the drafts change both ways.
    static let everyConflict = [
        "faq answer en", "faq answer es", "faq removed", "hours day", "hours note es", "special hours", "category title",
        "categories order", "social url", "social order", "location city", "location label es", "clinic email", "clinic name es",
    ]

    @Test("disjoint drafts merge to both drafts' edits made one after the other, in either order, byte for byte (300 seeded pairs)")
    func disjointDrafts() throws {
        let base = try mergeBase()
        var editor = MergeEditor(random: SeededRandom(state: 20_261_207))
        var (shared, kinds) = (0, [String: Int]())
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
        #expect(Self.everyKind.filter { kinds[$0, default: 0] < 5 } == [], "\(kinds)")
        #expect(Set(kinds.keys).subtracting(Self.everyKind) == [], "kinds made but not counted: \(kinds)")
    }

    @Test(
        "drafts that also change one or two fields each its own way: exactly those fields conflict, and choosing a side gives its values (300 seeded pairs)"
    )
    func fieldsBothWays() throws {
        let base = try mergeBase()
        var editor = MergeEditor(random: SeededRandom(state: 20_261_208))
        var (kinds, twoInOneFile) = ([String: Int](), 0)
        for _ in 0..<300 {
            // The fields first, so that every kind comes up as often as another; then drafts that leave them be.
            let fields = editor.conflictingFields(of: base, count: Int.random(in: 1...2, using: &editor.random), avoiding: [])
            var drafts = RandomDrafts(&editor, from: base, reserving: fields.flatMap { $0.ours.claims + $0.theirs.claims })
            fields.forEach { drafts.add($0) }
            for field in fields { kinds[field.kind, default: 0] += 1 }
            let merge = drafts.merge
            #expect(merge.conflicts.map(\.key).sorted() == fields.map(\.key).sorted(), "\(drafts)")
            #expect(merge.textMergeNeeded == [], "\(drafts)")
            // Every file without an open conflict is merged already: the conflicts are all that is left.
            let open = Set(merge.conflicts.map(\.path))
            #expect(merge.files == drafts.oursThenTheirs.filter { !open.contains($0.key) }, "\(drafts)")
            twoInOneFile += merge.conflicts.count == 2 && open.count == 1 ? 1 : 0
            let keys = fields.map(\.key)
            #expect(resolving(merge, keys, to: .ours).map { $0.isComplete ? $0.files : [:] } == drafts.theirsThenOurs, "\(drafts)")
            #expect(resolving(merge, keys, to: .theirs).map { $0.isComplete ? $0.files : [:] } == drafts.oursThenTheirs, "\(drafts)")
        }
        #expect(Self.everyConflict.filter { kinds[$0, default: 0] < 5 } == [], "\(kinds)")
        #expect(Set(kinds.keys).subtracting(Self.everyConflict) == [], "kinds made but not counted: \(kinds)")
        #expect(twoInOneFile >= 10, "\(twoInOneFile) pairs had two conflicts in one file")
    }

    @Test(
        "drafts that both add an item just after one item: both items, in the order of their ids, as if the draft with the later id had added first (200 seeded pairs)"
    )
    func addsAtOnePlace() throws {
        let base = try mergeBase()
        var editor = MergeEditor(random: SeededRandom(state: 20_261_209))
        var made = 0
        for _ in 0..<200 {
            guard let adds = editor.addsAtOnePlace(base) else { continue }
            var drafts = RandomDrafts(&editor, from: base, reserving: adds.ours.claims + adds.theirs.claims)
            drafts.ours.append(adds.ours)
            drafts.theirs.append(adds.theirs)
            let merge = drafts.merge
            #expect(merge.conflicts == [] && merge.textMergeNeeded == [], "\(drafts): \(merge.conflicts) \(merge.textMergeNeeded)")
            #expect(merge.files == (adds.oursFirst ? drafts.theirsThenOurs : drafts.oursThenTheirs), "\(drafts)")
            made += 1
        }
        #expect(made >= 150, "\(made) of 200 pairs added at one place")
    }

    /// The merge with every conflict in `keys` taken from `side`; nil, with an issue, when resolving them threw.
    func resolving(_ merge: ContentMerge, _ keys: [String], to side: MergeSide) -> ContentMerge? {
        do {
            return try merge.resolving(Dictionary(uniqueKeysWithValues: keys.map { ($0, side) }))
        } catch {
            Issue.record("resolving \(keys) to \(side): \(error)")
            return nil
        }
    }
}
