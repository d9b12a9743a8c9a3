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
        _ = try repository.approve(first.draft, as: People.rita)
        _ = try repository.approve(rename.draft, as: People.rita)
        return clinic
    }

    static func reviewed(_ repository: ContentRepository) throws -> [DraftCheck] {
        try repository.drafts().map { DraftCheck(try repository.review($0.id)) }
    }

    var cacheFile: URL { get throws { try clinic.git.gitDirectory.appendingPathComponent("clinicctl/cache/draft-checks.json") } }
    let clinic: TestClinic

    init() throws { clinic = try Self.clinicWithDrafts() }

    @Test("the same verdicts as the full review, checked anew and read back from the cache")
    func sameAsReview() throws {
        let reviewed = try Self.reviewed(clinic.repository)
        // One draft of each kind: conflicting, invalid when merged, fine.
        #expect(reviewed.filter { !$0.mergesCleanly }.count == 1)
        #expect(reviewed.filter { $0.mergesCleanly && !$0.isValid }.count == 1)
        #expect(reviewed.filter { $0.mergesCleanly && $0.isValid }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: try cacheFile.path))
        #expect(try clinic.repository.checks(of: clinic.repository.drafts()) == reviewed)
        #expect(FileManager.default.fileExists(atPath: try cacheFile.path))
        #expect(try clinic.reopened().checks(of: clinic.repository.drafts()) == reviewed)
    }

    @Test("a remembered check is used only under the same build; a damaged file is ignored")
    func cacheKeyedByBuild() throws {
        let reviewed = try Self.reviewed(clinic.repository)
        let drafts = try clinic.repository.drafts()
        let published = try clinic.repository.publishedTip()
        // A planted verdict that no draft has: seen only when the file is read.
        let planted = DraftCheck(conflicts: ["planted"], isValid: false, needsAcceptance: [.hooks])
        func plant(build: String) throws {
            let cache = DraftCheckCache(file: try cacheFile, build: build)
            cache.remember(planted, .init(published: published.hex, tip: drafts[2].tip.hex, layout: "content"))
            cache.persist()
        }
        try plant(build: "another build")
        #expect(try clinic.reopened().checks(of: drafts) == reviewed)
        try plant(build: DraftCheckCache.currentBuild)
        #expect(try clinic.reopened().checks(of: drafts)[2] == planted)
        try Data("{\"build\": \"\(DraftCheckCache.currentBuild)\", \"checks\": [{".utf8).write(to: try cacheFile)
        #expect(try clinic.reopened().checks(of: drafts) == reviewed)
    }
}
