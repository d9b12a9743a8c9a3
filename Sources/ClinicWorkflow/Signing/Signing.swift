import ClinicContent
internal import ClinicGit
import Foundation

extension Signatures {
    /// The key this person signs with: `explicit` (`--signing-key`), else
    /// `CLINICCTL_SIGNING_KEY`, else Git's `user.signingKey` when `gpg.format` is `ssh`.
    public func signingKey(explicit: String?) throws -> SigningKey? {
        try repository.withGit { try SigningKey.configured(explicit: explicit, variables: repository.environment.variables, git: $0) }
    }

    /// The function that signs the office manager's draft commits, nil when they are not to be signed.
    ///
    /// As Git decides for `git commit`: only when Git's `commit.gpgSign` is true, with the key
    /// `signingKey(explicit: nil)` finds. Signing drafts is optional, so it is never switched on
    /// behind anyone's back: an edit must not start failing because an agent is not running.
    func draftSigner() throws -> ((Data) throws -> String)? {
        let wanted = try repository.withGit { try $0.configString("commit.gpgSign") }.map {
            ["true", "yes", "on", "1"].contains($0.lowercased())
        }
        guard wanted == true else { return nil }
        return signer(try signingKey(explicit: nil))
    }

    /// The function that signs a commit object with `key`, nil without a key.
    func signer(_ key: SigningKey?) -> ((Data) throws -> String)? {
        guard let key else { return nil }
        let variables = repository.environment.variables
        return { try key.sign($0, variables: variables) }
    }

    /// Refuses an approval that would not stand: unsigned where signatures are required,
    /// or signed with a key that is not listed for the reviewer on the published tip.
    func checkApprovalSignature(_ merged: ObjectID, published: ObjectID, key: SigningKey?) throws {
        let check = try verifyApproval(merged, previousTip: published)
        if check.passes { return }
        if check.verdict == .unsigned { throw WorkflowError(.refused, SigningKey.howToConfigure) }
        throw WorkflowError(
            .refused,
            "the approval was signed with the key from \(key?.origin ?? "your settings") (\(check.fingerprint ?? "unknown fingerprint")) "
                + "but \(check.detail); nothing was published", remedy: .listSigningKey)
    }

    /// Refuses to start an approval that could not be signed where signatures are required.
    func checkCanSign(_ key: SigningKey?) throws {
        if repository.config.requireSignedApprovals && key == nil { throw WorkflowError(.refused, SigningKey.howToConfigure) }
    }
}
