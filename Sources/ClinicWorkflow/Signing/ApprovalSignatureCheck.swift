import ClinicContent
import ClinicGit
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

extension ContentRepository {
    /// Checks the signature of the approval `commit`, a merge whose first parent is `previousTip`.
    /// This is the rule the server's pre-receive check applies to each approval pushed.
    public func verifyApproval(commit: Revision, previousTip: Revision) throws -> ApprovalSignatureCheck {
        try verifyApproval(commit.id, previousTip: previousTip.id)
    }

    func verifyApproval(_ commit: ObjectID, previousTip: ObjectID) throws -> ApprovalSignatureCheck {
        let config = try withGit(revision: previousTip.hex) {
            try RepositoryConfig.load(from: GitRevisionSource(repository: $0, commit: previousTip)).0
        }
        let (info, stored, contributors) = try withGit(revision: commit.hex) { git in
            let info = try git.commit(commit)
            let drafted = info.parents.count > 1 ? try git.commits(reachableFrom: info.parents[1], excluding: previousTip) : []
            // An approval of one's own pure revert (`Approved-own-revert`) is allowed when the
            // draft is exactly that one revert commit: its author is then not a contributor.
            let ownRevert: ObjectID? = if case .approval(let a) = CommitRecord(message: info.message) { a.ownRevertOf } else { nil }
            let isOwnRevert =
                ownRevert != nil && drafted.count == 1
                && { if case .revert(let r) = CommitRecord(message: drafted[0].message) { r.reverted == ownRevert } else { false } }()
            let people = isOwnRevert ? [] : drafted.flatMap { [$0.author, $0.committer] }.map { Person(name: $0.name, email: $0.email) }
            return (info, try git.signature(of: commit), people)
        }
        let approvedBy: Person? = if case .approval(let a) = CommitRecord(message: info.message) { a.approvedBy } else { nil }
        var check = ApprovalSignatureCheck(
            commit: Revision(commit), previousTip: Revision(previousTip), approvedBy: approvedBy, verdict: .unsigned,
            detail: "not signed", required: config.requireSignedApprovals)
        if let approvedBy, contributors.contains(where: { $0.isSame(as: approvedBy) }) {
            check.verdict = .selfApproval
            check.detail = "\(approvedBy.name) wrote or committed part of the draft they approved"
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
        if contributors.contains(where: { $0.isSame(as: signer) }) {
            check.verdict = .selfApproval
            check.detail = "signed by \(signer.name), who wrote or committed part of the draft"
        } else if approvedBy.map({ !$0.isSame(as: signer) }) ?? true {
            check.verdict = .notReviewer
            check.detail =
                "signed with \(signer.name)'s key, but the approval names \(approvedBy?.description ?? "nobody")"
        } else {
            check.verdict = .good
            check.detail = "good signature by \(signer.name)"
        }
        return check
    }

    /// The check of `commit` when it is an approval merge; nil for any other commit.
    func approvalCheck(of commit: ObjectID) throws -> ApprovalSignatureCheck? {
        let info = try withGit(revision: commit.hex) { try $0.commit(commit) }
        guard info.parents.count == 2, case .approval = CommitRecord(message: info.message) else { return nil }
        return try verifyApproval(commit, previousTip: info.parents[0])
    }

    /// Checks every approval on the published branch's first-parent history (or from `revision`), newest first.
    public func verifyApprovals(from revision: String? = nil) throws -> [ApprovalSignatureCheck] {
        let tip = try revision.map(resolve) ?? publishedTip()
        return try withGit { try $0.firstParentLog(from: tip) }.compactMap { commit in
            guard commit.parents.count == 2, case .approval = CommitRecord(message: commit.message) else { return nil }
            return try verifyApproval(commit.id, previousTip: commit.parents[0])
        }
    }
}
