internal import ClinicGit
import Foundation

extension Server {
    /// The server's check of the closing records a push adds (its `pre-receive`, beside
    /// `checkPush`): a new reference under `refs/clinicctl/rejected/` or `discarded/` is taken
    /// only when it is a record that counts (`ClosingRecord`): a rejection by a reviewer listed
    /// on the published branch, a discard by the draft's author or such a reviewer, made by the
    /// person it names, signed where signatures are required; a new note under `notes/` only when
    /// it counts and names a draft the server has (`checkNotePush`). Changing or deleting a record is
    /// `checkPush`'s to refuse. Reads only: it runs while the pushed objects are in quarantine.
    public func checkRecordPush(_ updates: [ProposedUpdate]) throws -> [ServerRefusal] {
        let verifier = ClosingRecordVerifier(repository)
        var refusals = try checkNotePush(updates)
        for update in updates where update.old == nil {
            // Notes are `checkNotePush`'s.
            guard let new = update.new, !update.reference.hasPrefix(ContentRepository.notesPrefix),
                ContentRepository.sharedRecordPrefixes.contains(where: { update.reference.hasPrefix("refs/clinicctl/" + $0) })
            else { continue }
            guard let record = try verifier.check(reference: update.reference, under: "refs/clinicctl/", commit: new.id) else {
                refusals.append(
                    ServerRefusal(
                        reference: update.reference,
                        reason:
                            "\(update.reference) is not a closing record clinicctl writes (its name is not a draft id, or it is no commit)")
                )
                continue
            }
            if let problem = record.unverified {
                refusals.append(
                    ServerRefusal(
                        reference: update.reference,
                        reason: "the \(record.title) does not count, so it cannot close the draft: \(problem)"))
            }
        }
        return refusals
    }
}

extension Server {
    /// The server's check of the notes a push adds: a new reference under `refs/clinicctl/notes/`
    /// is taken only when it is a note that counts (`DraftNote`) and names a draft the server
    /// has, or one the same push brings: its parent is a commit of that draft.
    func checkNotePush(_ updates: [ProposedUpdate]) throws -> [ServerRefusal] {
        let pushedDrafts = Dictionary(
            updates.compactMap { update in
                update.reference.hasPrefix(ContentRepository.draftPrefix)
                    ? update.new.map { (String(update.reference.dropFirst(ContentRepository.draftPrefix.count)), $0.id) } : nil
            }, uniquingKeysWith: { $1 })
        let verifier = NoteRecordVerifier(repository) { id in
            try self.repository.withGit { git in
                [try git.referenceTarget(self.repository.draftRef(id)), pushedDrafts[id]].compactMap { $0 }
            }
        }
        var refusals: [ServerRefusal] = []
        for update in updates where update.old == nil && update.reference.hasPrefix(ContentRepository.notesPrefix) {
            guard let new = update.new else { continue }
            guard let note = try verifier.check(reference: update.reference, under: "refs/clinicctl/", commit: new.id) else {
                refusals.append(.init(reference: update.reference, reason: "\(update.reference) is not a note clinicctl writes"))
                continue
            }
            if let problem = note.unverified {
                refusals.append(.init(reference: update.reference, reason: "the note on draft \(note.draft) does not count: \(problem)"))
            }
        }
        return refusals
    }
}
