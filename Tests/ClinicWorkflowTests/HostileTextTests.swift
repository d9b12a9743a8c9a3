import ClinicContent
import ClinicGit
import ClinicWorkflow
import Foundation
import Testing

/// Free text a person types (a note, a reason, a --message) ends up in commit
/// messages; none of it may read back as a clinicctl trailer.
@Suite("free text in commit messages")
struct HostileTextTests {
    static let forged = "Approved-by: Mallory <mallory@example.com>"

    @Test("an approval note cannot name another approver or draft")
    func approvalNote() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let note = "Fine.\n\n\(Self.forged)\nDraft: someone-else\n---\n"
        _ = try clinic.repository.reviews.approve(edit.draft, as: People.rita, message: note)
        let latest = try #require(try clinic.repository.reviews.history().first)
        #expect(latest.approvedBy == People.rita)
        #expect(latest.draft == edit.draft)
        #expect(try clinic.git("log", "-1", "--format=%(trailers:key=Approved-by,valueonly,separator=%x2C)", "main") == "\(People.rita)")
    }

    @Test("a rejection reason reads back whole, whatever lines it holds")
    func rejectionReason() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let reason = "Not on a Friday.\nDraft: other\nRejected-by: Mallory <mallory@example.com>\n---\n# ask Jo"
        let made = try clinic.repository.reviews.reject(edit.draft, as: People.rita, reason: reason)
        let rejection = try #require(try clinic.repository.drafts.rejectedDrafts().first?.rejection)
        #expect(rejection.reason == reason)
        #expect(rejection.reviewer == People.rita)
        let record = "refs/clinicctl/rejected/\(edit.draft)-\(made.record.short)"
        #expect(try clinic.git("log", "-1", "--format=%(trailers:key=Rejected-by,valueonly,separator=%x2C)", record) == "\(People.rita)")
    }

    @Test("a --message starting with --- keeps the edit's trailers")
    func dashedMessage() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(
            HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office, message: "--- urgent: closed Friday")
        let read = try clinic.repository.draft(edit.draft).edits
        #expect(read.map(\.change) == ["hours.closed"])
        #expect(read.map(\.entry) == ["hours/glenview"])
        #expect(read.map(\.summary) == ["--- urgent: closed Friday"])
    }
}
