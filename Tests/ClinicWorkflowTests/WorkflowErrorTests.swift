import ClinicContent
import ClinicGit
import Foundation
import Testing

@testable import ClinicWorkflow

@Suite("workflow errors say what they are about")
struct WorkflowErrorTests {
    @Test("an unknown draft names the draft and its branch as data")
    func unknownDraft() throws {
        let scratch = try ScratchRepository()
        #expect {
            try scratch.repository.draft("no-such-draft")
        } throws: { error in
            let error = try #require(error as? WorkflowError)
            return error.code == .notFound && error.draft == "no-such-draft" && error.reference == "refs/heads/drafts/no-such-draft"
                && error.revision == nil
        }
    }

    @Test("an unknown or malformed revision is named as data", arguments: ["no-such-branch", "main..", "main^{tree}"])
    func unknownRevision(_ revision: String) throws {
        let scratch = try ScratchRepository()
        #expect(throws: WorkflowError(.notFound, "there is no revision \"\(revision)\" in this repository", revision: revision)) {
            try scratch.repository.resolve(revision)
        }
    }

    @Test("a Git failure arrives as a workflow error that names the revision read")
    func gitFailureIsTranslatedOnce() throws {
        let scratch = try ScratchRepository()
        let missing = try #require(ObjectID(hex: String(repeating: "1", count: 40)))
        #expect {
            try scratch.repository.load(at: missing)
        } throws: { error in
            let error = try #require(error as? WorkflowError)
            return error.code == .notFound && error.revision == missing.hex && error.message.contains(missing.short)
        }
    }

    @Test("an edit that changes nothing names the entry")
    func unchangedEdit() throws {
        let scratch = try ScratchRepository()
        let edit = ContentEdit(change: "faq.none", entry: "faq/what-is-dry-needling", summary: "nothing") { _ in }
        #expect {
            try scratch.repository.commit(edit, to: nil, as: ScratchRepository.manager)
        } throws: { error in
            let error = try #require(error as? WorkflowError)
            return error.code == .unchanged && error.entry == "faq/what-is-dry-needling"
        }
    }
}

/// Issue 26, item 5: what to do next travels as data, not as a command spelled in the library.
@Suite("workflow errors: remedies")
struct RemedyTests {
    @Test("a rejected draft's error says to reopen it, as data a program can read, with no command in its message")
    func rejectedDraft() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        _ = try clinic.repository.reviews.reject(edit.draft, as: People.rita, reason: "No.")
        #expect { _ = try clinic.repository.draft(edit.draft) } throws: { error in
            guard let error = error as? WorkflowError else { return false }
            return error.remedy == .reopenDraft(edit.draft) && !error.message.contains("clinicctl")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(Remedy.reopenDraft(edit.draft)), as: UTF8.self)
        #expect(json == #"{"kind":"reopen-draft","subject":"\#(edit.draft)"}"#)
        #expect(String(decoding: try encoder.encode(Remedy.setIdentity), as: UTF8.self) == #"{"kind":"set-identity"}"#)
    }
}
