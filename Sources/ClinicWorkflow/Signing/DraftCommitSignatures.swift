import ClinicContent
internal import ClinicGit
import ClinicSigning
import Foundation

/// Whether one commit of a draft is signed, and by whom, as `review show` tells the reviewer.
///
/// Draft commits need no signature; this says what one proves when there is one: a
/// signature that covers the commit, by a key listed for a reviewer on the published tip
/// (`signer`), or by a key listed for nobody (only its fingerprint is known).
public struct DraftCommitSignature: Sendable, Codable, Hashable {
    public var commit: Revision
    public var signed: Bool
    /// Whether the signature covers this exact commit, made for Git; false when unsigned.
    public var valid: Bool
    public var fingerprint: String?
    /// The reviewer the key is listed for on the published tip, if any.
    public var signer: Person?

    /// How `review show` says it: `unsigned`, `signed by Rita (SHA256:...)`, `signed by an unlisted key (SHA256:...)`, `bad signature`.
    public var words: String {
        guard signed else { return "unsigned" }
        guard valid else { return "bad signature" + (fingerprint.map { " (\($0))" } ?? "") }
        return "signed by \(signer?.name ?? "a key listed for no reviewer") (\(fingerprint ?? ""))"
    }
}

extension Signatures {
    /// The signature of each of `commits` (a draft's edits), judged against the published tip's reviewer keys.
    func draftCommitSignatures(_ commits: [ObjectID]) throws -> [DraftCommitSignature] {
        try commits.map { commit in
            var result = DraftCommitSignature(commit: Revision(commit), signed: false, valid: false)
            guard let stored = try repository.withGit(revision: commit.hex, { try $0.signature(of: commit) }) else { return result }
            result.signed = true
            guard let signature = try? SSHSignature(armoured: stored.armoured) else { return result }
            result.fingerprint = signature.publicKey.fingerprint
            result.valid = signature.isValid(for: stored.signedData)
            let owner = repository.config.reviewers.first { reviewer in
                reviewer.keys.contains { (try? SSHPublicKey(line: $0))?.blob == signature.publicKey.blob }
            }
            result.signer = owner.map { Person(name: $0.name, email: $0.email) }
            return result
        }
    }
}
