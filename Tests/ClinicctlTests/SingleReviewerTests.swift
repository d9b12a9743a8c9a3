import Foundation
import Testing

@Suite("a clinic with one reviewer")
struct SingleReviewerTests {
    @Test("the only reviewer approves a pure revert they opened; the approval records it")
    func reviewerApprovesOwnPureRevert() throws {
        let box = try Sandbox(reviewers: [Sandbox.reviewer])
        #expect(try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", "A thin needle."]).status == 0)
        #expect(try box.clinicctl(["review", "approve", "faq-what-is-dry-needling", "--no-publish"], as: Sandbox.reviewer).status == 0)
        let approved = try box.gitOutput(["rev-parse", "main"])
        let before = try box.gitOutput(["rev-parse", "main^1"])

        let revert = try box.clinicctl(["revert", approved, "--json"], as: Sandbox.reviewer)
        #expect(revert.status == 0, "\(revert.stderr)")
        let draft = try #require((try decodeJSON(revert) as? [String: Any])?["draft"] as? String)
        let approve = try box.clinicctl(["review", "approve", draft, "--no-publish"], as: Sandbox.reviewer)
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(try box.gitOutput(["diff", before, "main", "--", "content"]) == "", "the content is as before the change")
        let trailers = try box.gitOutput(["log", "-1", "--format=%(trailers)", "main"])
        #expect(trailers.contains("Approved-own-revert: \(approved)"), "\(trailers)")
        #expect(trailers.contains("Approved-by: \(Sandbox.reviewer)"))
    }

    @Test("a revert draft with more in it is still refused to its own author, and nothing moves")
    func revertWithMoreIsRefused() throws {
        let box = try Sandbox(reviewers: [Sandbox.reviewer])
        #expect(try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", "A thin needle."]).status == 0)
        #expect(try box.clinicctl(["review", "approve", "faq-what-is-dry-needling", "--no-publish"], as: Sandbox.reviewer).status == 0)
        let approved = try box.gitOutput(["rev-parse", "main"])
        let revert = try box.clinicctl(["revert", approved, "--json"], as: Sandbox.reviewer)
        let draft = try #require((try decodeJSON(revert) as? [String: Any])?["draft"] as? String)
        let more = try box.clinicctl(["hours", "set", "the-loop", "sat", "09:00-12:00", "--draft", draft], as: Sandbox.reviewer)
        #expect(more.status == 0, "\(more.stderr)")
        let before = try box.snapshot()
        let approve = try box.clinicctl(["review", "approve", draft, "--no-publish"], as: Sandbox.reviewer)
        #expect(approve.status == 1)
        #expect(approve.stderr.contains("another reviewer must approve it"), "\(approve.stderr)")
        #expect(try box.snapshot() == before)
    }
}
