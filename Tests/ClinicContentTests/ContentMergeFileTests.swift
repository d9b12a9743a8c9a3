import ClinicContent
import Foundation
import Testing

@Suite("merging files: what is taken as it is, what is left to a text merge, and resolving conflicts")
struct ContentMergeFileTests {
    static let readme = "content/README.md"
    static let glenview = "content/locations/glenview.yaml"
    static let glenviewHours = "content/hours/glenview.yaml"

    /// The real content's files (its README too), with `edit` made to their text.
    static func files(_ edit: (inout [String: String]) -> Void = { _ in }) throws -> [String: Data] {
        var texts = try realContentFiles().mapValues { String(decoding: $0, as: UTF8.self) }
        edit(&texts)
        return texts.mapValues { Data($0.utf8) }
    }

    /// The real content's files with `edit` made to its records (and its README as it is).
    static func files(editing edit: (inout SiteContent) -> Void) throws -> [String: Data] {
        var content = try realContent()
        edit(&content)
        return try files().filter { $0.key == readme }.merging(canonicalFiles(content)) { $1 }
    }

    static func saturday(_ content: inout SiteContent) { content.editHours("glenview") { $0.open(.sat, [range("09:00-13:00")]) } }

    @Test("a file changed on one side only is taken byte for byte, even when it is not in canonical form")
    func oneSideTakenAsIs() throws {
        let commented = try Self.files { $0[Self.glenview] = "# the north-shore clinic\n" + $0[Self.glenview]! }
        let merge = ContentMerge(base: try Self.files(), ours: commented, theirs: try Self.files { replace(&$0, Self.readme, "#", "##") })
        #expect(merge.isComplete)
        #expect(merge.files[Self.glenview] == commented[Self.glenview])
        #expect(merge.files[Self.readme] == (try Self.files { replace(&$0, Self.readme, "#", "##") })[Self.readme])
        #expect(merge.files.count == commented.count)
    }

    @Test("a file clinicctl does not read as records, changed on both sides, is left to a text merge")
    func unmodeledFile() throws {
        let merge = ContentMerge(
            base: try Self.files(), ours: try Self.files { $0[Self.readme]! += "ours\n" },
            theirs: try Self.files { $0[Self.readme]! += "theirs\n" })
        #expect(merge.textMergeNeeded == [Self.readme])
        #expect(merge.conflicts == [])
        #expect(merge.files[Self.readme] == nil)
        #expect(!merge.isComplete)
    }

    @Test("a content file changed on both sides, one of them by hand (a comment) or unreadable, is left to a text merge")
    func handEditedOrUnreadable() throws {
        let theirs = try Self.files(editing: Self.saturday)
        for edit in ["# Saturday changes in May\n", "colour: blue\n"] {
            let ours = try Self.files { $0[Self.glenviewHours]! += edit }
            let merge = ContentMerge(base: try Self.files(), ours: ours, theirs: theirs)
            #expect(merge.textMergeNeeded == [Self.glenviewHours], "\(edit)")
            #expect(merge.conflicts == [])
        }
    }

    @Test("removed on one side and changed on the other: a conflict on the file; removed beside unchanged, or on both: removed")
    func removedFiles() throws {
        let changed = try Self.files { $0[Self.readme]! += "more\n" }
        let removed = try Self.files { $0[Self.readme] = nil }
        let merge = ContentMerge(base: try Self.files(), ours: changed, theirs: removed)
        #expect(merge.conflicts.map(\.description) == ["content/README.md: was there; now published removed; this draft changed"])
        #expect(merge.conflicts.map(\.key) == ["file:content/README.md"])
        #expect(merge.files[Self.readme] == nil)
        #expect(try merge.resolving(["file:content/README.md": .ours]).files == changed)
        #expect(try merge.resolving(["file:content/README.md": .theirs]).files == removed)
        #expect(ContentMerge(base: try Self.files(), ours: try Self.files(), theirs: removed).files == removed)
        #expect(ContentMerge(base: try Self.files(), ours: removed, theirs: removed).files == removed)
    }

    @Test("resolving a field that is not in conflict is an error naming the fields that are")
    func resolvingUnknownField() throws {
        func display(_ text: String) -> (inout SiteContent) -> Void { { $0.clinic.phone.display = text } }
        let ours = try Self.files(editing: display("773 999 9825"))
        let theirs = try Self.files(editing: display("(773) 999-9825"))
        let merge = ContentMerge(base: try Self.files(), ours: ours, theirs: theirs)
        #expect(merge.conflicts.map(\.key) == ["clinic:phone.display"])
        #expect(throws: MergeResolutionError(notInConflict: ["clinic:email"], inConflict: ["clinic:phone.display"])) {
            try merge.resolving(["clinic:email": .ours])
        }
        let resolved = try merge.resolving(["clinic:phone.display": .theirs])
        #expect(resolved.isComplete)
        #expect(resolved.files == theirs)
        // A choice already made may be made again, or changed; nothing else may be named.
        #expect(try resolved.resolving(["clinic:phone.display": .ours]).files == ours)
        let error = MergeResolutionError(notInConflict: ["clinic:email"], inConflict: [])
        #expect(throws: error) { try resolved.resolving(["clinic:email": .ours]) }
        #expect(error.description == "clinic:email is not in conflict; nothing is")
    }

    @Test("the default locale changed on one side: the other side's files are written again to mean what they meant")
    func defaultLocaleChanged() throws {
        func spanishFirst(_ c: inout SiteContent) { c.clinic.defaultLocale = "es" }
        func newEntry(_ c: inout SiteContent) {
            c.faq.append(
                FAQEntry(
                    id: "do-you-take-insurance", question: LocalizedText("Do you take insurance?", locale: "en"),
                    answer: LocalizedText("Yes.", locale: "en"), category: "trigger-point-dry-needling", position: 200))
        }
        let merged = try MergeCase(ours: spanishFirst, theirs: newEntry)
        #expect(merged.merge.isComplete)
        #expect(merged.merge.files == merged.expected(spanishFirst, newEntry))
        try MergeCase(ours: Self.saturday, theirs: spanishFirst).expectClean(spanishFirst, Self.saturday)
    }
}
