internal import ClinicGit
import Foundation

extension ContentRepository {
    /// The server's check of the closing records a push adds (its `pre-receive`, beside
    /// `checkPush`): a new reference under `refs/clinicctl/rejected/` or `discarded/` is taken
    /// only when it is a record that counts (`ClosingRecord`): a rejection by a reviewer listed
    /// on the published branch, a discard by the draft's author or such a reviewer, made by the
    /// person it names, signed where signatures are required. Changing or deleting a record is
    /// `checkPush`'s to refuse. Reads only: it runs while the pushed objects are in quarantine.
    public func checkRecordPush(_ updates: [ProposedUpdate]) throws -> [ServerRefusal] {
        let verifier = ClosingRecordVerifier(self)
        var refusals: [ServerRefusal] = []
        for update in updates where update.old == nil {
            guard let new = update.new,
                Self.sharedRecordPrefixes.contains(where: { update.reference.hasPrefix("refs/clinicctl/" + $0) })
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
