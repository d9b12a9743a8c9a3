import ClinicContent
internal import ClinicGit
import ClinicSigning
import Foundation

extension Signatures {
    /// Why the SSH signature on `commit` does not prove that `person` made it, by the keys
    /// `config` lists for them; nil when it does, or when the commit is unsigned and `config`
    /// does not ask for signatures (`requireSignedApprovals`). A signature that is there but
    /// does not hold always fails, as for approvals: it is a forgery or a mistake.
    func signatureProblem(of commit: ObjectID, by person: Person, config: RepositoryConfig) throws -> String? {
        guard let stored = try repository.withGit(revision: commit.hex, { try $0.signature(of: commit) }) else {
            return config.requireSignedApprovals
                ? "it is not signed, and \(RepositoryConfig.fileName) requires signatures (requireSignedApprovals: true)" : nil
        }
        guard let signature = try? SSHSignature(armoured: stored.armoured), signature.isValid(for: stored.signedData) else {
            return "its signature does not hold (damaged, made for something else than Git commits, or not over this commit)"
        }
        let listed = config.reviewers.first { $0.email.caseInsensitiveCompare(person.email) == .orderedSame }?.keys ?? []
        guard listed.contains(where: { (try? SSHPublicKey(line: $0))?.blob == signature.publicKey.blob }) else {
            return "it is signed with \(signature.publicKey.fingerprint), which is not a key listed for \(person.name) "
                + "in \(RepositoryConfig.fileName) then"
        }
        return nil
    }
}
