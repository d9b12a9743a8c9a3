import ClinicContent
import ClinicGit
import ClinicWorkflow
import Foundation
import Testing

@Suite("what a reviewer must accept beyond content")
struct AcceptanceTests {
    static let tip = ObjectID(hex: "0123456789abcdef0123456789abcdef01234567")!

    func file(_ path: String, _ section: ChangedFile.Section) -> ChangedFile {
        ChangedFile(
            path: path, section: section, change: .added, oldMode: nil, newMode: "100755", oldSize: nil, newSize: 3, oldTarget: nil,
            newTarget: nil, diff: nil, details: [])
    }

    @Test("each section outside the content needs its own acceptance; content needs none")
    func missing() {
        let files = [
            file("hooks/publish.d/05-x", .code), file("clinicctl.yaml", .settings), file("NOTES", .otherFiles),
            file("content/faq/a.md", .content),
        ]
        #expect(Acceptance.missing(for: files, accepted: []) == [.hooks, .settings, .files])
        #expect(Acceptance.missing(for: files, accepted: [.hooks, .files]) == [.settings])
        #expect(Acceptance.missing(for: files, accepted: [.hooks, .settings, .files]) == [])
        #expect(Acceptance.missing(for: [file("content/faq/a.md", .content)], accepted: []) == [])
    }

    @Test("the approval record keeps what was accepted, and reads it back; none written when nothing was")
    func recorded() {
        let person = Person(name: "Rita Reviewer", email: "rita@clinic.example")
        let accepted = CommitRecord.approval(
            .init(
                draft: "x", title: "T", note: nil, edits: [], approvedBy: person, approvedCommit: Revision(Self.tip),
                accepted: [.settings, .hooks]))
        #expect(accepted.message.contains("\nClinic-Accepted: hooks, settings\n"))
        #expect(CommitRecord(message: accepted.message) == accepted.sortedAcceptance)
        let plain = CommitRecord.approval(
            .init(draft: "x", title: "T", note: nil, edits: [], approvedBy: person, approvedCommit: Revision(Self.tip)))
        #expect(!plain.message.contains("Clinic-Accepted"))
        #expect(CommitRecord(message: plain.message) == plain)
    }
}

extension CommitRecord {
    /// The record as it reads back: acceptances in their fixed order.
    fileprivate var sortedAcceptance: CommitRecord {
        guard case .approval(var approval) = self else { return self }
        approval.accepted.sort()
        return .approval(approval)
    }
}
