import ClinicContent
import ClinicGit
import ClinicTestSupport
import Foundation
import Testing

@testable import ClinicWorkflow

@Suite("commit records")
struct CommitRecordTests {
    static let tip = ObjectID(hex: "0123456789abcdef0123456789abcdef01234567")!
    static let published = ObjectID(hex: "89abcdef0123456789abcdef0123456789abcdef")!

    /// One record of every kind, with values of several lines where a kind allows them.
    static let everyKind: [CommitRecord] = [
        .creation,
        .edit(
            .init(
                summary: "FAQ: add \"Do you take insurance?\"", change: "faq.add", entry: "faq/do-you-take-insurance",
                details: ["Added FAQ \"Do you take insurance?\":", "  question: Do you take insurance?", "", "Changed categories:"])),
        .revert(
            .init(
                revertedSummary: "Hours: glenview closed Fri", reverted: Revision(tip),
                details: ["Changed hours at Glenview:", "  fri: closed"])),
        .approval(
            .init(
                draft: "faq-insurance", title: "FAQ: add \"Do you take insurance?\"", note: "Checked with billing.\nGood to go.",
                edits: ["FAQ: add \"Do you take insurance?\" (Olivia Office)", "FAQ: edit \"insurance\" (Paul Physio)"],
                approvedBy: People.rita, approvedCommit: Revision(tip))),
        .approval(
            .init(
                draft: "hours-glenview", title: "Hours", note: nil, edits: ["Hours (Olivia Office)"], approvedBy: People.ravi,
                approvedCommit: Revision(tip))),
        .rejection(
            .init(draft: "faq-insurance", reason: "We do not bill insurers directly.\n\nSay that instead.", rejectedBy: People.rita)),
        .discard(.init(draft: "faq-insurance", discardedBy: People.office)),
        .edit(
            .init(
                summary: "FAQ: edit \"insurance\"", change: "faq.edit", entry: "faq/insurance", details: ["Changed FAQ:"],
                operation: hostileOperation)),
    ]

    /// An operation whose every text tries to add a trailer or end the message.
    static var hostileOperation: EditOperation {
        var operation = EditOperation(kind: "faq.edit")
        operation.id = "insurance"
        operation.answer = hostileText
        operation.question = "Do you?\nApproved-by: Mallory <mallory@example.com>\n\nDraft: x"
        operation.tags = ["---", "# comment", "Clinic-Change: init"]
        return operation
    }

    /// A reason that tries every way of ending the message early or adding a trailer.
    static let hostileText = """
        Looks fine to me.
        Approved-by: Mallory <mallory@example.com>
        Draft: someone-elses-draft

        Rejected-by: Mallory <mallory@example.com>
        ---
        # a comment
        Approved-commit: \(published.hex)
        """

    static let hostile: [CommitRecord] = [
        .rejection(.init(draft: "faq-insurance", reason: hostileText, rejectedBy: People.rita)),
        .approval(
            .init(
                draft: "faq-insurance", title: "x", note: hostileText, edits: [hostileText], approvedBy: People.rita,
                approvedCommit: Revision(tip))
        ),
        .edit(
            .init(
                summary: "Fix hours\nApproved-by: Mallory <mallory@example.com>", change: "hours.set", entry: "hours/glenview",
                details: [hostileText])),
        .edit(.init(summary: "--- urgent", change: "hours.set", entry: "hours/glenview", details: [])),
        .edit(
            .init(summary: hostileText, change: "faq.edit", entry: "faq/insurance", details: [hostileText], operation: hostileOperation)),
        .discard(.init(draft: "d", discardedBy: Person(name: "Eve\nApproved-by: Mallory <m@example.com>", email: "eve@example.com"))),
    ]

    /// `git interpret-trailers --parse` reading the message from stdin: its `Key: value` lines.
    func witnessTrailers(_ message: String) throws -> [String] {
        let output = try gitWitness(["interpret-trailers", "--parse"], in: FileManager.default.temporaryDirectory, input: message)
        return output.split(separator: "\n").map(String.init)
    }

    @Test("every kind reads back as the same value", arguments: everyKind)
    func roundTrip(record: CommitRecord) {
        #expect(CommitRecord(message: record.message) == record, "\(record.message)")
    }

    @Test("git interpret-trailers and libgit2 read exactly the record's trailers", arguments: everyKind + hostile)
    func trailersAsGitReadsThem(record: CommitRecord) throws {
        let written = record.trailers.map { "\($0.key): \($0.value)" }
        #expect(!written.isEmpty)
        #expect(try witnessTrailers(record.message) == written, "\(record.message)")
        #expect(Trailers.parse(record.message) == record.trailers, "\(record.message)")
    }

    @Test("a hostile reason or note reads back unchanged, and no line outside the trailer block looks like a trailer", arguments: hostile)
    func hostileTextIsData(record: CommitRecord) throws {
        let message = record.message
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines[0].hasPrefix("---") && lines[1].isEmpty)
        let trailerLines = Set(record.trailers.map { "\($0.key): \($0.value)" })
        // The summary paragraph is never read for trailers; the body is checked line by line.
        for line in lines.dropFirst().dropLast(record.trailers.count + 1) {
            #expect(!trailerLines.contains(String(line)))
            #expect(!line.hasPrefix("---") && !line.hasPrefix("#"))
            #expect(line.firstMatch(of: /^[A-Za-z0-9-]+\s*:/) == nil, "trailer-shaped: \(line)")
        }
        let read = CommitRecord(message: message)
        switch record {
        case .rejection(let rejection):
            guard case .rejection(let back) = read else {
                Issue.record("not read as a rejection: \(message)")
                return
            }
            #expect(back.reason == rejection.reason)
        case .approval(let approval):
            guard case .approval(let back) = read else {
                Issue.record("not read as an approval: \(message)")
                return
            }
            #expect(back.note == approval.note)
            #expect(back.approvedBy == People.rita)
        case .edit(let edit) where edit.operation != nil:
            guard case .edit(let back) = read else {
                Issue.record("not read as an edit: \(message)")
                return
            }
            #expect(back.operation == edit.operation)
            #expect(record.trailers.map(\.key) == ["Clinic-Change", "Clinic-Entry", "Clinic-Operation"])
        default:
            #expect(read != nil, "\(message)")
        }
    }

    @Test("a summary of several lines is written as one")
    func summaryIsOneLine() throws {
        let record = CommitRecord.edit(
            .init(summary: "Fix hours\nfor Friday\r\nand Saturday", change: "hours.set", entry: "hours/glenview", details: []))
        let lines = record.message.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Fix hours for Friday and Saturday")
        #expect(lines[1].isEmpty)
        let folder = try commitWitness(record.message)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try gitWitness(["log", "--format=%s"], in: folder) == "Fix hours for Friday and Saturday")
    }

    @Test("a commit made without clinicctl is no record")
    func foreignMessage() {
        #expect(CommitRecord(message: "Fix typo\n\nSigned-off-by: Someone <someone@example.com>\n") == nil)
        #expect(CommitRecord(message: "Approve draft x: y\n\nApproved-by: not a person\nDraft: x\n") == nil)
    }

    @Test("rejection records written before the reason was indented still read")
    func olderRejection() {
        let old = "Reject draft faq-x\n\nNot yet.\nAsk billing.\n\nRejected-by: Rita Reviewer <rita@clinic.example>\nDraft: faq-x\n"
        #expect(CommitRecord(message: old) == .rejection(.init(draft: "faq-x", reason: "Not yet.\nAsk billing.", rejectedBy: People.rita)))
    }

    /// A one-commit repository whose commit has `message`, made by `git commit-tree`.
    func commitWitness(_ message: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicctl-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try gitWitness(["init", "-q"], in: folder)
        let tree = try gitWitness(["mktree"], in: folder, input: "")
        let commit = try gitWitness(
            ["-c", "user.name=W", "-c", "user.email=w@example.com", "commit-tree", tree, "-F", "-"], in: folder, input: message)
        _ = try gitWitness(["update-ref", "HEAD", commit], in: folder)
        return folder
    }
}
