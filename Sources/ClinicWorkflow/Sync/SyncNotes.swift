internal import ClinicGit
import Foundation

extension Team {
    /// Why this copy's note at `reference` is not sent: the server would refuse it (and with it
    /// the whole push) because it does not count or names no draft here or on the server.
    func unsendableNote(_ reference: String, commit: ObjectID, remote: String) throws -> String? {
        let verifier = NoteRecordVerifier(repository) { id in
            try self.repository.withGit { git in
                [
                    try git.referenceTarget(self.repository.draftRef(id)),
                    try git.referenceTarget(ContentRepository.trackingPrefix(remote) + "drafts/" + id),
                ]
                .compactMap { $0 }
            }
        }
        guard let note = try verifier.check(reference: reference, under: "refs/clinicctl/", commit: commit) else {
            return "it is not a note clinicctl writes"
        }
        return note.unverified
    }
}
