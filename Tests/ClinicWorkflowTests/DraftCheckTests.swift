import ClinicContent
import ClinicGit
import Foundation
import Testing

@testable import ClinicWorkflow

/// `drafts` and `review list` check every open draft through `checks(of:)`, which
/// remembers each check: it must say what each draft's full review says, cached or not.
@Suite("draft checks: the review's verdict, remembered")
struct DraftCheckTests {
    /// Open drafts that merge and validate, conflict with main, and are valid alone but invalid merged.
    static func clinicWithDrafts() throws -> TestClinic {
        let clinic = try TestClinic()
        let repository = clinic.repository
        let first = try repository.commit(FAQEdits.edit("what-is-dry-needling", .init(answer: "One.")), to: nil, as: People.office)
        _ = try repository.commit(FAQEdits.edit("what-is-dry-needling", .init(answer: "Two.")), to: nil, as: People.paul)
        _ = try repository.commit(to: nil, as: People.office) { content in
            try FAQEdits.add(
                .init(question: "Do you take insurance?", answer: "Yes.", category: "trigger-point-dry-needling"), id: nil,
                placement: .end, in: content)
        }
        _ = try repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        // Renaming the category by hand leaves the drafted entry pointing at a category that is gone.
        let rename = try repository.commit(
            ContentEdit(change: "category.rename", entry: "category/x", summary: "Rename the category", draftHint: "rename") { content in
                for index in content.categories.indices where content.categories[index].id == "trigger-point-dry-needling" {
                    content.categories[index].id = "dry-needling"
                }
                for index in content.faq.indices where content.faq[index].category == "trigger-point-dry-needling" {
                    content.faq[index].category = "dry-needling"
                }
            }, to: nil, as: People.office)
        _ = try repository.reviews.approve(first.draft, as: People.rita)
        _ = try repository.reviews.approve(rename.draft, as: People.rita)
        return clinic
    }

    static func reviewed(_ repository: ContentRepository) throws -> [DraftCheck] {
        try repository.drafts.list().map { DraftCheck(try repository.reviews.review($0.id)) }
    }

    var cacheFile: URL { get throws { try clinic.git.gitDirectory.appendingPathComponent("clinicctl/cache/draft-checks.json") } }
    let clinic: TestClinic

    init() throws { clinic = try Self.clinicWithDrafts() }

    @Test("the same verdicts and errors as the full review, checked anew and read back from the cache")
    func sameAsReview() throws {
        let reviewed = try Self.reviewed(clinic.repository)
        // One draft of each kind: conflicting, invalid when merged, fine.
        #expect(reviewed.filter { !$0.mergesCleanly }.count == 1)
        #expect(reviewed.filter { $0.mergesCleanly && !$0.isValid }.count == 1)
        #expect(reviewed.filter { $0.mergesCleanly && $0.isValid }.count == 1)
        // Reviewing remembered each check: start again without them.
        try FileManager.default.removeItem(at: try cacheFile)
        #expect(try clinic.repository.reviews.checks(of: clinic.repository.drafts.list()) == reviewed)
        #expect(FileManager.default.fileExists(atPath: try cacheFile.path))
        #expect(try clinic.reopened().reviews.checks(of: clinic.repository.drafts.list()) == reviewed)
        // And a review that takes the merge's errors from the remembered check says what it said.
        #expect(try Self.reviewed(clinic.reopened()) == reviewed)
    }

    @Test("a remembered check is used only under the same build; a damaged file is ignored")
    func cacheKeyedByBuild() throws {
        let reviewed = try Self.reviewed(clinic.repository)
        let drafts = try clinic.repository.drafts.list()
        let published = try clinic.repository.publishedTip()
        // A planted verdict that no draft has: seen only when the file is read.
        let planted = DraftCheck(
            conflicts: ["planted"], findings: [Finding(.error, file: "planted", rule: "planted", message: "planted")],
            needsAcceptance: [.hooks])
        // Planted for a draft that merges, so that its review would show the planted errors too.
        let merging = try #require(reviewed.firstIndex { $0.mergesCleanly })
        func plant(build: String) throws {
            let cache = DraftCheckCache(file: try cacheFile, build: build)
            cache.remember(planted, .init(base: published.hex, tip: drafts[merging].tip.hex, layout: "content"))
            cache.persist()
        }
        try plant(build: "another build")
        #expect(try clinic.reopened().reviews.checks(of: drafts) == reviewed)
        #expect(try clinic.reopened().reviews.review(drafts[merging].id).findings == reviewed[merging].findings)
        try plant(build: DraftCheckCache.currentBuild)
        #expect(try clinic.reopened().reviews.checks(of: drafts)[merging] == planted)
        #expect(try clinic.reopened().reviews.review(drafts[merging].id).findings == planted.findings)
        try Data("{\"build\": \"\(DraftCheckCache.currentBuild)\", \"checks\": [{".utf8).write(to: try cacheFile)
        #expect(try clinic.reopened().reviews.checks(of: drafts) == reviewed)
    }

    @Test("each draft's own changes are remembered: the same fresh and read back, a damaged file ignored")
    func draftedEntriesRemembered() throws {
        let file = try clinic.git.gitDirectory.appendingPathComponent("clinicctl/cache/drafted-entries.json")
        #expect(!FileManager.default.fileExists(atPath: file.path))
        let fresh = try clinic.repository.reviews.draftedEntries()
        #expect(Set(fresh.map(\.draft)).count == 3)
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(try clinic.reopened().reviews.draftedEntries() == fresh)
        #expect(try clinic.reopened().reviews.draftedEntries(entryPrefix: "faq/") == fresh.filter { $0.entry.hasPrefix("faq/") })
        // Planted for one draft: read back, under that draft's name.
        let draft = try #require(try clinic.repository.drafts.list().first)
        let cache = DraftResultCache<[DraftedEntry]>(file: file)
        cache.remember(
            [DraftedEntry(draft: "elsewhere", entry: "faq/planted", kind: .added, title: "planted")],
            .init(base: try #require(draft.base).hex, tip: draft.tip.hex, layout: "content"))
        cache.persist()
        #expect(try clinic.reopened().reviews.draftedEntries().filter { $0.draft == draft.id }.map(\.entry) == ["faq/planted"])
        try Data("{\"build\": ".utf8).write(to: file)
        #expect(try clinic.reopened().reviews.draftedEntries() == fresh)
    }

    @Test("a draft checked by reading only its changed files says what reading the whole merge says")
    func changedFilesOnly() throws {
        let repository = clinic.repository
        // Beside the three drafts: one removing an entry, one touching hours, one adding a file the loader
        // skips, one removing the categories, and one a reader of the changed files cannot judge (an executable file).
        _ = try repository.commit(FAQEdits.remove("what-is-dry-needling"), to: nil, as: People.office)
        _ = try repository.commit(HoursEdits.closed("the-loop", days: [.fri]), to: nil, as: People.office)
        let published = try repository.publishedTip()
        let person = Signature(name: "Hand Editor", email: "hand@clinic.example", time: clinic.clock.now)
        let byHand: [(branch: String, change: FileChange)] = [
            ("text", .write(path: "content/faq/notes.txt", contents: Data("x".utf8))),
            ("script", .writeExecutable(path: "content/faq/run.md", contents: Data("x".utf8))),
            ("no-categories", .delete(path: "content/categories.yaml")),
        ]
        for (branch, change) in byHand {
            _ = try clinic.git.commit(
                changes: [change], onBranch: "refs/heads/drafts/file-\(branch)", expectedTip: nil, parentIfNew: published,
                author: person, committer: person, message: "A file by hand")
        }
        let drafts = try repository.drafts.list()
        #expect(drafts.count == 8)
        let loaded = try repository.validate(at: published).0
        let files = try clinic.git.fileIDs(under: "content", at: published)
        #expect(files.keys.allSatisfy { $0.hasPrefix("content/") })
        var readingChanges = 0
        for draft in drafts {
            let whole = try repository.reviews.check(draft, published: published)
            let changed = try repository.reviews.check(draft, published: published, reading: (loaded, files))
            #expect(changed == whole, "draft \(draft.id)")
            let merged = try clinic.git.mergedIndex(ours: published, theirs: draft.tip.id)
            if !merged.hasConflicts, try repository.reviews.changedContentFiles(merged, from: (loaded, files)) != nil {
                readingChanges += 1
            }
        }
        // Every merging draft but the executable one took the changed-files path.
        #expect(readingChanges == 6)
        // Invalid: the draft whose category main renamed, the executable file, the categories removed.
        let invalid = zip(drafts, try Self.reviewed(repository)).filter { !$0.1.isValid }.map(\.0.id)
        #expect(invalid.count == 3 && invalid.contains("file-script") && invalid.contains("file-no-categories"), "\(invalid)")
    }
}
