import ClinicContent
import ClinicGit
import Foundation
import Testing

@testable import ClinicWorkflow

/// The server's pre-receive check of notes (`checkRecordPush`), on a bare repository as a server holds it.
@Suite("the server's check of notes")
struct ServerNoteCheckTests {
    private func draft(_ clinic: TestClinic, at location: String = "glenview") throws -> (id: String, tip: String) {
        let edit = try clinic.repository.commit(HoursEdits.closed(location, days: [.fri]), to: nil, as: People.office)
        return (edit.draft, try clinic.repository.draft(edit.draft).tip.hex)
    }

    private func note(_ draft: String, by person: Person, text: String = "approve on Jan 11") -> String {
        CommitRecord.note(.init(draft: draft, text: text, by: person)).message
    }

    @Test("a note by the draft's author or a reviewer, on a draft the server has, is taken")
    func taken() throws {
        let clinic = try TestClinic()
        let (id, tip) = try draft(clinic)
        let byRita = try NoteForgery.commit(note(id, by: People.rita), parent: tip, by: People.rita, in: clinic)
        let byOlivia = try NoteForgery.commit(note(id, by: People.office), parent: tip, by: People.office, in: clinic)
        let updates = try [byRita, byOlivia].map { try NoteForgery.update("refs/clinicctl/notes/\(id)-\($0.prefix(7))", $0) }
        #expect(try clinic.repository.server.checkRecordPush(updates).isEmpty)
        #expect(try clinic.repository.server.checkPush(updates).isEmpty)
    }

    @Test("a note by someone who neither wrote the draft nor reviews is refused")
    func stranger() throws {
        let clinic = try TestClinic()
        let (id, tip) = try draft(clinic)
        let forged = try NoteForgery.commit(note(id, by: People.paul), parent: tip, by: People.paul, in: clinic)
        let refusals = try clinic.repository.server.checkRecordPush([
            try NoteForgery.update("refs/clinicctl/notes/\(id)-\(forged.prefix(7))", forged)
        ])
        #expect(
            refusals.map(\.reason) == [
                "the note on draft \(id) does not count: \(People.paul) neither wrote draft \(id) nor is a reviewer in clinicctl.yaml on main"
            ])
    }

    @Test("a note that names no draft the server has is refused, unless the same push brings the draft")
    func namesNoDraft() throws {
        let clinic = try TestClinic()
        let main = try clinic.git("rev-parse", "main")
        let nowhere = try NoteForgery.commit(note("no-such-draft", by: People.rita), parent: main, by: People.rita, in: clinic)
        let refusals = try clinic.repository.server.checkRecordPush([
            try NoteForgery.update("refs/clinicctl/notes/no-such-draft-\(nowhere.prefix(7))", nowhere)
        ])
        #expect(
            refusals.map(\.reason) == [
                "the note on draft no-such-draft does not count: it names draft no-such-draft, which does not exist here"
            ])

        // A draft that only the push brings: the note on it goes with it.
        let (id, tip) = try draft(clinic)
        _ = try clinic.git("update-ref", "-d", "refs/heads/drafts/\(id)")
        let onNew = try NoteForgery.commit(note(id, by: People.office), parent: tip, by: People.office, in: clinic)
        let noteUpdate = try NoteForgery.update("refs/clinicctl/notes/\(id)-\(onNew.prefix(7))", onNew)
        #expect(try clinic.repository.server.checkRecordPush([noteUpdate, try NoteForgery.update("refs/heads/drafts/\(id)", tip)]).isEmpty)
        #expect(
            try clinic.repository.server.checkRecordPush([noteUpdate]).map(\.reason) == [
                "the note on draft \(id) does not count: it names draft \(id), which does not exist here"
            ])
        // Written on another draft's tip: no commit of this one.
        let (other, _) = try draft(clinic, at: "the-loop")
        let misplaced = try NoteForgery.commit(note(other, by: People.rita), parent: tip, by: People.rita, in: clinic)
        #expect(
            try clinic.repository.server.checkRecordPush([
                try NoteForgery.update("refs/clinicctl/notes/\(other)-\(misplaced.prefix(7))", misplaced)
            ])
            .map(\.reason) == [
                "the note on draft \(other) does not count: it was written on \(tip.prefix(7)), which is no commit of draft \(other)"
            ])
    }

    @Test("a note filed under another name, or that is no note, is refused; a note is never rewritten or deleted")
    func namesAndRewrites() throws {
        let clinic = try TestClinic()
        let (id, tip) = try draft(clinic)
        let good = try NoteForgery.commit(note(id, by: People.rita), parent: tip, by: People.rita, in: clinic)
        let misfiled = try clinic.repository.server.checkRecordPush([try NoteForgery.update("refs/clinicctl/notes/\(id)-0000000", good)])
        #expect(
            misfiled.map(\.reason) == [
                "the note on draft \(id) does not count: it names draft \(id) but is filed under refs/clinicctl/notes/\(id)-0000000 "
                    + "(a note is filed as <draft>-<its own short id>)"
            ])
        let plain = try NoteForgery.commit("Just a commit\n", parent: tip, by: People.rita, in: clinic)
        #expect(
            try clinic.repository.server.checkRecordPush([try NoteForgery.update("refs/clinicctl/notes/\(id)-\(plain.prefix(7))", plain)])
                .map(\.reason) == ["refs/clinicctl/notes/\(id)-\(plain.prefix(7)) is not a note clinicctl writes"])
        let other = try NoteForgery.commit(note(id, by: People.rita, text: "reject it"), parent: tip, by: People.rita, in: clinic)
        let reference = "refs/clinicctl/notes/\(id)-\(good.prefix(7))"
        let rewrite = try NoteForgery.update(reference, other, old: good)
        #expect(
            try clinic.repository.server.checkPush([rewrite]).map(\.reason) == [
                "clinicctl's records are only ever added; \(reference) cannot be changed or deleted"
            ])
    }

    @Test("where signatures are required, a reviewer's note on someone else's draft is signed by their listed key")
    func signedNotes() throws {
        let signed = try SignedApprovalTests.SignedClinic("ed25519")
        let repository = signed.repository
        let edit = try repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let before = try signed.clinic.references()
        let unsigned = #expect(throws: WorkflowError.self) {
            try repository.drafts.addNote(to: edit.draft, text: "approve on Jan 11", as: People.rita)
        }
        #expect(unsigned?.message.contains("counts only when signed") == true)
        #expect(try signed.clinic.references() == before)
        let written = try repository.drafts.addNote(
            to: edit.draft, text: "approve on Jan 11", as: People.rita, signingKey: SigningKey(key: signed.rita, origin: "test"))
        #expect(written.verified)
        #expect(signed.gitAccepts(written.record.hex))
        // The author's own note needs no key.
        #expect(try repository.drafts.addNote(to: edit.draft, text: "Thanks", as: People.office).verified)
        // A reviewer's unsigned note written with plain Git does not count, here or on the server.
        let tip = try repository.draft(edit.draft).tip.hex
        let forged = try NoteForgery.commit(note(edit.draft, by: People.ravi), parent: tip, by: People.ravi, in: signed.clinic)
        let reference = "refs/clinicctl/notes/\(edit.draft)-\(forged.prefix(7))"
        #expect(
            try repository.server.checkRecordPush([try NoteForgery.update(reference, forged)]).map(\.reason) == [
                "the note on draft \(edit.draft) does not count: it is not signed, and clinicctl.yaml requires signatures (requireSignedApprovals: true)"
            ])
    }
}
