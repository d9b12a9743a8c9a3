import ClinicContent
internal import ClinicGit
import ClinicSigning
import Foundation

/// What the signature on one approval proves.
///
/// An approval's signature counts only when it covers the exact commit, was
/// made for Git (namespace `git`), with a key listed for the approving reviewer
/// in `clinicctl.yaml` on the published tip before the approval (its first
/// parent: adding your own key in the draft you approve grants nothing), and
/// the approver wrote or committed nothing in the draft.
public struct ApprovalSignatureCheck: Sendable, Codable, Hashable {
    public enum Verdict: String, Sendable, Codable, Hashable {
        case good
        /// Signed, but the signature does not cover this commit, is damaged, or is for another namespace.
        case bad
        /// A sound signature by a key listed for nobody.
        case unknownKey = "unknown-key"
        /// A sound signature by a key listed for someone other than the recorded approver, or by
        /// a recorded approver who was not a reviewer at that time.
        case notReviewer = "not-a-reviewer"
        /// The recorded approver (or the signer) wrote or committed part of the draft.
        case selfApproval = "self-approval"
        case unsigned
        /// Another rule refuses the approval (`detail` names it): an approver who is no
        /// reviewer, an unaccepted settings change, a tree changed by hand after merging.
        case refused
        /// A commit on the published branch that is not an approval at all.
        case notAnApproval = "not-an-approval"
        /// The first commit of the history is not the one this copy trusts.
        case untrustedStart = "untrusted-start"
    }

    public var commit: Revision
    /// The tip the approval was made on (the approval's first parent).
    public var previousTip: Revision
    /// Who the approval record names.
    public var approvedBy: Person?
    /// The fingerprint of the signing key (`SHA256:...`, as `ssh-keygen -l` shows it).
    public var fingerprint: String?
    /// The reviewer the key is listed for on the previous tip.
    public var signer: Person?
    public var verdict: Verdict
    /// Why, in words.
    public var detail: String
    /// Whether the previous tip required signed approvals.
    public var required: Bool

    /// Whether this approval may stand: a good signature, or no signature where none is required.
    /// A signature that is there but fails always fails: it is a forgery or a mistake.
    public var passes: Bool { verdict == .good || (verdict == .unsigned && !required) }

    private enum EncodedKeys: String, CodingKey {
        case commit, previousTip, approvedBy, fingerprint, signer, verdict, detail, required, passes
    }

    /// Written with `passes`, so a script reading `verify --json` need not know the rule.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EncodedKeys.self)
        try container.encode(commit, forKey: .commit)
        try container.encode(previousTip, forKey: .previousTip)
        try container.encodeIfPresent(approvedBy, forKey: .approvedBy)
        try container.encodeIfPresent(fingerprint, forKey: .fingerprint)
        try container.encodeIfPresent(signer, forKey: .signer)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(detail, forKey: .detail)
        try container.encode(required, forKey: .required)
        try container.encode(passes, forKey: .passes)
    }

    /// How `history` and `status` say it after the approver's name: `signed, SHA256:...`,
    /// `unsigned`, or the failed verdict with the key that signed.
    public var words: String {
        switch verdict {
        case .good: "signed, \(fingerprint ?? "")"
        case .unsigned: "unsigned"
        default: "signature \(verdict.rawValue)" + (fingerprint.map { ", \($0)" } ?? "")
        }
    }
}

extension Signatures {
    /// Checks the signature of the approval `commit`, a merge whose first parent is `previousTip`.
    /// This is the rule the server's pre-receive check applies to each approval pushed.
    public func verifyApproval(commit: Revision, previousTip: Revision) throws -> ApprovalSignatureCheck {
        try verifyApproval(commit.id, previousTip: previousTip.id)
    }

    func verifyApproval(_ commit: ObjectID, previousTip: ObjectID) throws -> ApprovalSignatureCheck {
        let config = try repository.withGit(revision: previousTip.hex) {
            try RepositoryConfig.load(from: GitRevisionSource(repository: $0, commit: previousTip)).0
        }
        let (info, stored) = try repository.withGit(revision: commit.hex) { git in (try git.commit(commit), try git.signature(of: commit)) }
        let approval: CommitRecord.Approval? = if case .approval(let a) = CommitRecord(message: info.message) { a } else { nil }
        var check = ApprovalSignatureCheck(
            commit: Revision(commit), previousTip: Revision(previousTip), approvedBy: approval?.approvedBy, verdict: .unsigned,
            detail: "not signed", required: config.requireSignedApprovals)
        if let approval, info.parents.count > 1,
            let refusal = try authorRefusal(approval, by: approval.approvedBy, approvedTip: info.parents[1], previousTip: previousTip)
        {
            check.verdict = .selfApproval
            check.detail = refusal
        }
        guard let stored else { return check }
        let signature: SSHSignature
        do {
            signature = try SSHSignature(armoured: stored.armoured)
        } catch {
            check.verdict = .bad
            check.detail = "the signature cannot be read: \(error)"
            return check
        }
        check.fingerprint = signature.publicKey.fingerprint
        guard signature.isValid(for: stored.signedData) else {
            check.verdict = .bad
            check.detail =
                signature.namespace == "git"
                ? "the signature does not match the commit (it was changed after signing, or signed by another key)"
                : "the signature was made for \"\(signature.namespace)\", not for Git commits"
            return check
        }
        let owner = config.reviewers.first { reviewer in
            reviewer.keys.contains { (try? SSHPublicKey(line: $0))?.blob == signature.publicKey.blob }
        }
        guard let owner else {
            check.verdict = .unknownKey
            check.detail = "the key is not listed for any reviewer in \(RepositoryConfig.fileName) before this approval"
            return check
        }
        let signer = Person(name: owner.name, email: owner.email)
        check.signer = signer
        if check.verdict == .selfApproval { return check }
        if let approval, info.parents.count > 1,
            let refusal = try authorRefusal(approval, by: signer, approvedTip: info.parents[1], previousTip: previousTip)
        {
            check.verdict = .selfApproval
            check.detail = "signed by \(signer.name): \(refusal)"
        } else if !(approval?.approvedBy.isSame(as: signer) ?? false) {
            check.verdict = .notReviewer
            check.detail =
                "signed with \(signer.name)'s key, but the approval names \(approval?.approvedBy.description ?? "nobody")"
        } else {
            check.verdict = .good
            check.detail = "good signature by \(signer.name)"
        }
        return check
    }

    /// The check of `commit` when it is an approval merge; nil for any other commit.
    func approvalCheck(of commit: ObjectID) throws -> ApprovalSignatureCheck? {
        let info = try repository.withGit(revision: commit.hex) { try $0.commit(commit) }
        guard info.parents.count == 2, case .approval = CommitRecord(message: info.message) else { return nil }
        return try verifyApproval(commit, previousTip: info.parents[0])
    }
}

extension Signatures {
    /// Why `review approve` would have refused `person` as an author of the draft,
    /// or nil: the same rule (`checkNotAuthor`, which allows a pure revert of an approved
    /// change), judged against the published tip the approval was made on.
    fileprivate func authorRefusal(
        _ approval: CommitRecord.Approval, by person: Person, approvedTip: ObjectID, previousTip: ObjectID
    ) throws -> String? {
        let draft = try repository.describeDraft(id: approval.draft, tip: approvedTip, published: previousTip, state: .open)
        do {
            _ = try repository.reviews.checkNotAuthor(draft, reviewer: person, published: previousTip)
            return nil
        } catch let error as WorkflowError where error.code == .refused {
            return error.message
        }
    }
}
