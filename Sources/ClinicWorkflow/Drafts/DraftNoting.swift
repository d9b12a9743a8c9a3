import ClinicContent
internal import ClinicGit
import Foundation

extension Drafts {
    /// Leaves a note on open draft `id` ("approve on Jan 11"): a commit on the draft's tip,
    /// kept under `refs/clinicctl/notes/<id>-<short>`, that travels with the draft (`sync`).
    /// The draft itself does not change.
    ///
    /// Everything is checked before anything is written: the text (not empty, one line or a
    /// short paragraph, no control characters), the draft, and that `person` may leave it (one
    /// of the draft's authors, or a reviewer). A reviewer's note on someone else's draft is
    /// signed where approvals must be (`signingKey`, else the one configured), like a rejection.
    public func addNote(to id: String, text: String, as person: Person, signingKey: SigningKey? = nil) throws -> DraftNote {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = DraftNote.problem(with: text) {
            throw WorkflowError(.usage, "\(problem); nothing was written", draft: id)
        }
        let draft = try self.repository.draft(id)
        let isAuthor = draft.authors.contains(where: { $0.isSame(as: person) })
        guard isAuthor || repository.config.isReviewer(email: person.email) else {
            throw WorkflowError(
                .refused,
                "only the draft's authors (\(draft.authors.map(\.description).joined(separator: ", "))) or a reviewer may leave a note on it",
                draft: id)
        }
        var key = signingKey
        if !isAuthor && repository.config.requireSignedApprovals {
            key = try key ?? self.repository.signatures.signingKey(explicit: nil)
            guard key != nil else {
                throw WorkflowError(
                    .refused,
                    "a reviewer's note on someone else's draft, like a rejection, counts only when signed: " + SigningKey.howToConfigure,
                    draft: id)
            }
        }
        let message = CommitRecord.note(.init(draft: id, text: text, by: person)).message
        let signature = repository.environment.signature(person)
        let sign = repository.signatures.signer(key)
        let commit = try repository.withGit(draft: id) { git in
            try git.createCommit(
                tree: try git.treeOf(draft.tip.id), parents: [draft.tip.id], author: signature, committer: signature, message: message,
                sign: sign)
        }
        let reference = ContentRepository.notesPrefix + id + "-" + commit.short
        guard let note = try NoteRecordVerifier(repository).check(reference: reference, under: "refs/clinicctl/", commit: commit) else {
            throw WorkflowError(.repository, "the note on draft \(id) could not be read back; nothing was written", draft: id)
        }
        if let problem = note.unverified {
            throw WorkflowError(.refused, "the note would not count (\(problem)); nothing was written", draft: id)
        }
        try repository.withGit(draft: id, reference: reference) {
            try $0.updateReference(reference, to: commit, expected: nil, logMessage: "clinicctl: note on draft \(id)")
        }
        return note
    }

    /// `addNote`, then the note sent to the server at once (as a rejection is), when the server
    /// has the draft's tip as of the last sync; otherwise the note waits for `sync`, which sends
    /// the draft and the note together (the server takes no note on a draft it does not have).
    public func addNoteThroughServer(
        to id: String, text: String, as person: Person, signingKey: SigningKey? = nil, remote: String = "origin"
    ) throws -> (DraftNote, RecordDelivery) {
        let note = try addNote(to: id, text: text, as: person, signingKey: signingKey)
        let onServer = try repository.withGit { git in
            try git.referenceTarget(ContentRepository.trackingPrefix(remote) + "drafts/" + id).map {
                try git.isAncestor(note.tip.id, of: $0)
            } ?? false
        }
        guard onServer else {
            let problem = "draft \(id) is not on the server as it is here yet, so the note is kept here with it"
            return (note, RecordDelivery(reference: note.reference, problem: problem))
        }
        return (note, repository.team.sendRecord(note.reference, remote: remote))
    }
}
