import ClinicContent
import ClinicGit
import Foundation
import Testing

@testable import ClinicWorkflow

/// Approval through the library: who may approve, and what the merge records.
@Suite("approval")
struct ApprovalTests {
    @Test("approving merges the draft onto main with the approval's trailers")
    func approve() throws {
        let clinic = try TestClinic()
        let published = try clinic.repository.publishedTip()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        clinic.clock.advance()
        let result = try clinic.repository.reviews.approve(edit.draft, as: People.rita, message: "Agreed with the front desk.")
        #expect(result.previousTip.id == published && result.approvedCommit == edit.commit)
        #expect(result.workingTree == .notCheckedOut)
        #expect(result.changes.map(\.entry) == ["hours/glenview"])
        #expect(try clinic.git("rev-parse", "main") == result.merge.hex)
        #expect(
            try clinic.git("log", "-1", "--format=%P|%an|%at", "main")
                == "\(published.hex) \(edit.commit.hex)|Rita Reviewer|\(Int(clinic.clock.now.timeIntervalSince1970))")
        let trailers = try clinic.git("log", "-1", "--format=%(trailers:only,unfold)", "main").trimmingCharacters(in: .newlines)
        #expect(trailers == "Approved-by: \(People.rita)\nDraft: \(edit.draft)\nApproved-commit: \(edit.commit.hex)")
        #expect(try clinic.git("log", "-1", "--format=%B", "main").contains("Agreed with the front desk."))
        // The draft is closed, and main holds its content.
        #expect(try clinic.repository.drafts.list().isEmpty)
        #expect(try clinic.git("for-each-ref", "refs/heads/drafts/").isEmpty)
        #expect(try clinic.git("rev-parse", "main^{tree}") == (try clinic.git("rev-parse", "\(edit.commit.hex)^{tree}")))
        _ = try clinic.git("fsck", "--strict", "--no-dangling")
    }

    @Test("who may approve: not the draft's own author, not someone unlisted", arguments: [People.office, People.paul])
    func notEveryoneMayApprove(approver: Person) throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.rita)
        _ = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.thu]), to: edit.draft, as: approver)
        let before = try clinic.references()
        // The author who is not listed is refused for that; a reviewer who wrote an edit for having written it.
        #expect(workflowErrorCode { _ = try clinic.repository.reviews.approve(edit.draft, as: approver) } == .refused)
        #expect(workflowErrorCode { _ = try clinic.repository.reviews.approve(edit.draft, as: People.rita) } == .refused)
        #expect(try clinic.references() == before)
        _ = try clinic.repository.reviews.approve(edit.draft, as: People.ravi)
        #expect(try clinic.repository.drafts.list().isEmpty)
    }

    @Test("a reviewer's own edit cannot be approved by that reviewer, however the address is written")
    func selfApproval() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.rita)
        let before = try clinic.references()
        let shouting = Person(name: "R. Reviewer", email: "RITA@clinic.example")
        #expect(throws: WorkflowError.self) { try clinic.repository.reviews.approve(edit.draft, as: shouting) }
        #expect(try clinic.references() == before)
    }

    @Test("a reviewer added only in the draft may not approve it")
    func reviewerAddedInDraft() throws {
        let clinic = try TestClinic()
        let main = try clinic.repository.publishedTip()
        let config = RepositoryConfig(
            publishedBranch: "main", contentDirectory: "content",
            reviewers: [People.rita, People.ravi, People.paul].map { Reviewer(name: $0.name, email: $0.email) })
        let signature = Signature(name: People.office.name, email: People.office.email, time: clinic.clock.now, timeZoneOffsetMinutes: 0)
        let tip = try clinic.git.commit(
            changes: [.write(path: RepositoryConfig.fileName, contents: Data(config.canonicalText.utf8))],
            onBranch: "refs/heads/drafts/add-paul",
            expectedTip: nil, parentIfNew: main, author: signature, committer: signature, message: "Add Paul as a reviewer\n")
        let before = try clinic.references()
        #expect { _ = try clinic.repository.reviews.approve("add-paul", as: People.paul) } throws: { error in
            (error as? WorkflowError)?.code == .refused && "\(error)".contains("not a reviewer")
        }
        #expect(try clinic.references() == before)
        // Once a listed reviewer approves it, Paul is listed on main and may approve others' drafts.
        // A change of the settings is approved only when the reviewer says so, and the record keeps it.
        #expect(workflowErrorCode { _ = try clinic.repository.reviews.approve("add-paul", as: People.rita) } == .refused)
        #expect(try clinic.references() == before)
        let approval = try clinic.repository.reviews.approve("add-paul", as: People.rita, accepting: [.settings])
        #expect(approval.approvedCommit.id == tip)
        #expect(approval.accepted == [.settings])
        let reopened = try clinic.reopened()
        let edit = try reopened.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        #expect(try reopened.reviews.approve(edit.draft, as: People.paul).draft == edit.draft)
    }

    @Test("a draft that would conflict with what was published since is not approved")
    func conflictingApproval() throws {
        let clinic = try TestClinic()
        let first = try clinic.repository.commit(FAQEdits.edit("what-is-dry-needling", .init(answer: "One.")), to: nil, as: People.office)
        let second = try clinic.repository.commit(FAQEdits.edit("what-is-dry-needling", .init(answer: "Two.")), to: nil, as: People.paul)
            .draft
        _ = try clinic.repository.reviews.approve(first.draft, as: People.rita)
        let before = try clinic.references()
        #expect(workflowErrorCode { _ = try clinic.repository.reviews.approve(second, as: People.ravi) } == .conflict)
        #expect(try clinic.references() == before)
    }
}
