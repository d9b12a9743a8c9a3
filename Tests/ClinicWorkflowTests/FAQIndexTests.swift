import ClinicContent
import ClinicGit
import Foundation
import Testing

@testable import ClinicWorkflow

/// `faq show ID` reads one file through the FAQ index: it must find what loading
/// the whole content finds, with a file not named after its id and an id held twice.
@Suite("one FAQ entry read through the index")
struct FAQIndexTests {
    let clinic: TestClinic
    let revision: Revision
    let loaded: LoadedContent

    /// Main with a copy of an entry under a name that sorts first (the same id twice, the
    /// copy with its own answer) and an entry moved to a file not named after it.
    init() throws {
        clinic = try TestClinic()
        let git = try clinic.git
        let main = try clinic.repository.publishedTip()
        let needling = try #require(try git.readFile("content/faq/what-is-dry-needling.md", at: main))
        let sterile = try #require(try git.readFile("content/faq/do-you-use-sterile-needles.md", at: main))
        let tree = try git.treeWithChanges(
            base: main,
            changes: [
                .write(path: "content/faq/a-copy.md", contents: needling + Data("\nAnd a copy.\n".utf8)),
                .delete(path: "content/faq/do-you-use-sterile-needles.md"),
                .write(path: "content/faq/sterile.md", contents: sterile),
            ])
        let person = Signature(name: "Hand Editor", email: "hand@clinic.example", time: clinic.clock.now)
        revision = Revision(try git.createCommit(tree: tree, parents: [main], author: person, committer: person, message: "By hand"))
        loaded = try clinic.repository.load(at: revision)
    }

    var indexFile: URL { get throws { try clinic.git.gitDirectory.appendingPathComponent("clinicctl/cache/faq-index.txt") } }

    func expectSameAsWholeLoad(_ repository: ContentRepository) throws {
        for id in loaded.content.faq.map(\.id) + ["no-such-entry"] {
            let found = try repository.faqEntry(id, at: revision)
            #expect(found.entry == loaded.content.faqEntry(id), "\(id)")
            #expect(found.defaultLocale == loaded.content.clinic.defaultLocale)
        }
    }

    @Test("every id as loading the whole content finds it, before and after the index is written")
    func sameAsWholeLoad() throws {
        #expect(loaded.content.faq.filter { $0.id == "what-is-dry-needling" }.count == 2)
        #expect(loaded.content.faqEntry("what-is-dry-needling")?.answer.translations.values.first?.contains("copy") == true)
        #expect(!FileManager.default.fileExists(atPath: try indexFile.path))
        try expectSameAsWholeLoad(clinic.reopened())
        #expect(FileManager.default.fileExists(atPath: try indexFile.path))
        try expectSameAsWholeLoad(clinic.reopened())
    }

    @Test("the index is read only when written by this build for this tree; a damaged one is ignored")
    func indexTrustedOnlyWhole() throws {
        try expectSameAsWholeLoad(clinic.reopened())
        let text = try String(contentsOf: try indexFile, encoding: .utf8)
        var index = try #require(FAQIndex(text: text))
        #expect(index.files.count == loaded.content.faq.count)
        // Planted: the id held twice is said to be the original's first, which loading never says.
        index.files.removeAll { $0.path == "content/faq/a-copy.md" }
        let original = try #require(loaded.content.faq.last { $0.id == "what-is-dry-needling" })
        #expect(original != loaded.content.faqEntry("what-is-dry-needling"))
        func plant(_ index: FAQIndex) throws { try Data(try #require(index.text).utf8).write(to: try indexFile) }
        try plant(index)
        #expect(try clinic.reopened().faqEntry("what-is-dry-needling", at: revision).entry == original)
        var other = index
        other.build = "another build"
        try plant(other)
        #expect(
            try clinic.reopened().faqEntry("what-is-dry-needling", at: revision).entry == loaded.content.faqEntry("what-is-dry-needling"))
        other = index
        other.tree = String(repeating: "0", count: 40)
        try plant(other)
        #expect(
            try clinic.reopened().faqEntry("what-is-dry-needling", at: revision).entry == loaded.content.faqEntry("what-is-dry-needling"))
        try plant(index)
        try Data(try String(contentsOf: try indexFile, encoding: .utf8).dropLast(3).utf8).write(to: try indexFile)
        #expect(
            try clinic.reopened().faqEntry("what-is-dry-needling", at: revision).entry == loaded.content.faqEntry("what-is-dry-needling"))
    }
}
