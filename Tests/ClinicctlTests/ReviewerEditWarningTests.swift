import Foundation
import Testing

/// Issue 24, item 6: a reviewer who edits someone else's draft is told at that moment that she can no longer approve it.
@Suite("a reviewer editing someone else's draft is warned")
struct ReviewerEditWarningTests {
    static let draft = "faq-do-you-take-insurance"
    static let question = ["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."]

    @Test func theFirstEditWarnsAndTheApprovalRefusalNamesWhoMay() throws {
        let box = try Sandbox(reviewers: [Sandbox.reviewer, Sandbox.secondReviewer])
        #expect(try box.clinicctl(Self.question).status == 0)
        let edited = try box.clinicctl(["hours", "set", "the-loop", "sat", "09:00-12:00", "--draft", Self.draft], as: Sandbox.reviewer)
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(
            edited.stderr.contains(
                "warning: Rita Reviewer, you are a reviewer and now wrote part of draft \(Self.draft), which someone else began: "
                    + "you can no longer approve it; who may approve it: \(Sandbox.secondReviewer)"), "\(edited.stderr)")
        // Once she is one of its authors, her next edit changes nothing about who may approve: no second warning.
        let again = try box.clinicctl(["hours", "set", "the-loop", "sun", "10:00-12:00", "--draft", Self.draft], as: Sandbox.reviewer)
        #expect(again.status == 0 && !again.stderr.contains("warning"), "\(again.stderr)")
        let refused = try box.clinicctl(["review", "approve", Self.draft, "--no-publish"], as: Sandbox.reviewer)
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains("another reviewer must approve it, who may approve it: \(Sandbox.secondReviewer)"), "\(refused.stderr)")
        let approved = try box.clinicctl(["review", "approve", Self.draft, "--no-publish"], as: Sandbox.secondReviewer)
        #expect(approved.status == 0, "\(approved.stderr)")
    }

    @Test func theOnlyReviewerIsToldNobodyIsLeft() throws {
        let box = try Sandbox(reviewers: [Sandbox.reviewer])
        #expect(try box.clinicctl(Self.question).status == 0)
        let edited = try box.clinicctl(["hours", "set", "the-loop", "sat", "09:00-12:00", "--draft", Self.draft], as: Sandbox.reviewer)
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stderr.contains("you can no longer approve it; no listed reviewer is left who wrote none of it"), "\(edited.stderr)")
    }

    @Test func editsToOnesOwnDraftOrByAnEditorDoNotWarn() throws {
        let box = try Sandbox(reviewers: [Sandbox.reviewer, Sandbox.secondReviewer])
        let own = try box.clinicctl(Self.question, as: Sandbox.reviewer)
        #expect(own.status == 0 && !own.stderr.contains("warning"), "\(own.stderr)")
        let more = try box.clinicctl(["hours", "set", "the-loop", "sat", "09:00-12:00", "--draft", Self.draft], as: Sandbox.reviewer)
        #expect(more.status == 0 && !more.stderr.contains("warning"), "\(more.stderr)")
        let editor = try box.clinicctl(["hours", "set", "the-loop", "sun", "10:00-12:00", "--draft", Self.draft])
        #expect(editor.status == 0 && !editor.stderr.contains("warning"), "\(editor.stderr)")
    }
}
