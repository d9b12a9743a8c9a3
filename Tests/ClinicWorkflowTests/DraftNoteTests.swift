import ClinicContent
import ClinicGit
import ClinicTestSupport
import Foundation
import Testing

@testable import ClinicWorkflow

/// `draft note`: an add-only record beside a draft, checked before anything is written.
@Suite("notes on drafts")
struct DraftNoteTests {
    @Test("a note is a commit on the draft's tip, by the person, at the clock's time, under notes/<id>-<short>")
    func noteIsARecord() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let tip = try clinic.repository.draft(edit.draft).tip
        let when = clinic.clock.advance(seconds: 3_600)
        let note = try clinic.repository.drafts.addNote(to: edit.draft, text: "  approve on Jan 11\n", as: People.rita)
        #expect(note.reference == "refs/clinicctl/notes/\(edit.draft)-\(note.record.short)")
        #expect(note.text == "approve on Jan 11")
        #expect(note.by == People.rita)
        #expect(note.time == when)
        #expect(note.tip == tip)
        #expect(note.verified && note.unverified == nil)
        // Git, the witness: one parent (the tip), the person as author and committer, the trailers.
        #expect(try clinic.git("rev-parse", note.reference) == note.record.hex)
        #expect(try clinic.git("log", "-1", "--format=%P", note.reference) == tip.hex)
        #expect(
            try clinic.git("log", "-1", "--format=%an <%ae>|%cn <%ce>|%ct", note.reference)
                == "\(People.rita)|\(People.rita)|\(Int(when.timeIntervalSince1970))")
        #expect(
            try clinic.git("log", "-1", "--format=%(trailers:key=Clinic-Note-For,valueonly,separator=%x2C)", note.reference) == edit.draft)
        #expect(
            try clinic.git("log", "-1", "--format=%(trailers:key=Clinic-Note-By,valueonly,separator=%x2C)", note.reference)
                == "\(People.rita)")
        // The draft itself did not move.
        #expect(try clinic.repository.draft(edit.draft).tip == tip)
        #expect(try clinic.repository.records.notes(for: edit.draft) == [note])
        #expect(try clinic.repository.records.notes(for: "other").isEmpty)
        // The one reader of a single note, for notifiers: the same note.
        #expect(try clinic.repository.records.note(reference: note.reference, commit: note.record) == note)
    }

    @Test("notes read back oldest first; the author's own note counts too")
    func oldestFirst() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        clinic.clock.advance()
        let first = try clinic.repository.drafts.addNote(to: edit.draft, text: "Please look before Friday.", as: People.office)
        clinic.clock.advance()
        let second = try clinic.repository.drafts.addNote(to: edit.draft, text: "approve on Jan 11", as: People.rita)
        #expect(try clinic.repository.records.notes(for: edit.draft).map(\.text) == [first.text, second.text])
        #expect(try clinic.repository.records.notes(for: edit.draft).map(\.by) == [People.office, People.rita])
    }

    @Test(
        "bad input is refused with a clear error and writes nothing",
        arguments: [
            ("", "the text is empty"), ("   \n ", "the text is empty"), ("Look\u{1B}[2J", "control character U+001B"),
            ("one\r\ntwo", "control character U+000D"), (String(repeating: "a", count: 501), "at most 500 characters"),
            ("1\n2\n3\n4\n5\n6", "at most 5 lines"),
        ])
    func badText(text: String, words: String) throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let before = try clinic.references()
        let error = #expect(throws: WorkflowError.self) {
            try clinic.repository.drafts.addNote(to: edit.draft, text: text, as: People.rita)
        }
        #expect(error?.message.contains(words) == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("nothing was written") == true)
        #expect(try clinic.references() == before)
    }

    @Test("a note needs an open draft, and its author or a reviewer")
    func whoAndWhere() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let before = try clinic.references()
        let unknown = #expect(throws: WorkflowError.self) {
            try clinic.repository.drafts.addNote(to: "no-such-draft", text: "Hi", as: People.rita)
        }
        #expect(unknown?.code == .notFound)
        #expect(unknown?.message.contains("there is no open draft \"no-such-draft\"; open drafts: \(edit.draft)") == true)
        let stranger = #expect(throws: WorkflowError.self) {
            try clinic.repository.drafts.addNote(to: edit.draft, text: "Hi", as: People.paul)
        }
        #expect(stranger?.code == .refused)
        #expect(stranger?.message == "only the draft's authors (\(People.office)) or a reviewer may leave a note on it")
        #expect(try clinic.references() == before)
    }

    @Test("free text cannot forge who wrote a note or which draft it is on")
    func hostileText() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let text = "Fine.\nClinic-Note-By: Mallory <mallory@example.com>\nClinic-Note-For: other\n---"
        let note = try clinic.repository.drafts.addNote(to: edit.draft, text: text, as: People.rita)
        let read = try #require(try clinic.repository.records.notes(for: edit.draft).first)
        #expect(read.text == text)
        #expect(read.by == People.rita)
        #expect(read.draft == edit.draft)
        #expect(
            try clinic.git("log", "-1", "--format=%(trailers:key=Clinic-Note-By,valueonly,separator=%x2C)", note.reference)
                == "\(People.rita)")
    }

    @Test("a note written with plain Git in someone else's name does not count, and is not the server's to take")
    func forgedNote() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let tip = try clinic.repository.draft(edit.draft).tip.hex
        let message = CommitRecord.note(.init(draft: edit.draft, text: "approve on Jan 11", by: People.rita)).message
        let forged = try NoteForgery.commit(message, parent: tip, by: People.paul, in: clinic)
        let reference = "refs/clinicctl/notes/\(edit.draft)-\(forged.prefix(7))"
        _ = try clinic.git("update-ref", reference, forged)
        let read = try #require(try clinic.repository.records.notes(for: edit.draft).first)
        #expect(!read.verified)
        #expect(read.unverified == "it names \(People.rita) but was made by \(People.paul)")
        let refusals = try clinic.repository.server.checkRecordPush([try NoteForgery.update(reference, forged)])
        #expect(
            refusals.map(\.reason) == [
                "the note on draft \(edit.draft) does not count: it names \(People.rita) but was made by \(People.paul)"
            ])
    }
}

/// Notes made with plain Git, as someone with push access could.
enum NoteForgery {
    /// A commit of `message` on `parent`'s tree, written by `person` (author and committer).
    static func commit(_ message: String, parent: String, by person: Person, in clinic: TestClinic) throws -> String {
        let tree = try clinic.git("rev-parse", "\(parent)^{tree}")
        return try gitWitness(
            ["-c", "user.name=\(person.name)", "-c", "user.email=\(person.email)", "commit-tree", tree, "-p", parent, "-F", "-"],
            in: clinic.folder, input: message)
    }

    /// The `pre-receive` line that creates `reference` at `commit`.
    static func update(_ reference: String, _ commit: String, old: String? = nil) throws -> ProposedUpdate {
        try #require(ProposedUpdate(line: "\(old ?? String(repeating: "0", count: 40)) \(commit) \(reference)"))
    }
}
