import ClinicContent
import ClinicGit
import Foundation

/// One line of what a push proposes, as Git hands it to `pre-receive`: `old new ref`.
public struct ProposedUpdate: Sendable, Equatable {
    public var reference: String
    /// Nil when the push creates the reference.
    public var old: Revision?
    /// Nil when the push deletes it.
    public var new: Revision?

    /// Reads one `pre-receive` input line; nil when it is not one.
    public init?(line: String) {
        let fields = line.split(separator: " ").map(String.init)
        guard fields.count == 3, fields[0].count == 40, fields[1].count == 40 else { return nil }
        let zero = String(repeating: "0", count: 40)
        old = fields[0] == zero ? nil : Revision(hex: fields[0])
        new = fields[1] == zero ? nil : Revision(hex: fields[1])
        reference = fields[2]
    }
}

/// Why the server turned a reference down, in the reviewer's words.
public struct ServerRefusal: Sendable, Equatable, Error {
    public var reference: String
    public var reason: String
}

/// An approval merge proposed for the published branch, as the rules see it.
public struct ProposedApproval: Sendable {
    public var commit: Revision
    /// The published tip it was approved onto: the reviewer list counts as it is there.
    public var previous: Revision
    public var approval: CommitRecord.Approval
    public var committer: Person
    /// The approved draft as it stood against `previous`: its edits and every commit in it.
    public var draft: Draft
    /// Everyone who wrote a commit of the approved draft.
    public var draftAuthors: [Person] { draft.authors }
}

/// One rule every new approval on the published branch must pass; nil when it passes.
/// The list is open, so a rule such as "the approval is signed by a listed key" can join it.
public struct ApprovalRule: Sendable {
    public var name: String
    public var check: @Sendable (ProposedApproval, ContentRepository) throws -> String?

    public init(name: String, check: @escaping @Sendable (ProposedApproval, ContentRepository) throws -> String?) {
        self.name = name
        self.check = check
    }

    /// Committer is the approver; the approver is a reviewer, not an author; changes to hooks,
    /// settings and other files were accepted; the signature holds (required when the published
    /// tip says `requireSignedApprovals: true`); the content validates.
    public static let standard: [ApprovalRule] = [
        ApprovalRule(name: "approver-committed") { proposed, _ in
            proposed.committer.isSame(as: proposed.approval.approvedBy)
                ? nil
                : "it says it was approved by \(proposed.approval.approvedBy) but was made by \(proposed.committer)"
        },
        ApprovalRule(name: "approver-is-reviewer") { proposed, repository in
            let config = try repository.config(at: proposed.previous)
            return config.isReviewer(email: proposed.approval.approvedBy.email)
                ? nil : "\(proposed.approval.approvedBy) is not a reviewer in \(RepositoryConfig.fileName) on the published branch"
        },
        ApprovalRule(name: "approver-is-not-author") { proposed, repository in
            // Exactly `review approve`'s rule, a one-reviewer clinic's own pure revert included.
            do {
                _ = try repository.checkNotAuthor(proposed.draft, reviewer: proposed.approval.approvedBy, published: proposed.previous.id)
                return nil
            } catch let error as WorkflowError where error.code == .refused {
                return error.message
            }
        },
        ApprovalRule(name: "changes-beyond-content-accepted") { proposed, repository in
            // The same rule `review approve` applies: hooks, settings and other files need an explicit yes.
            let missing = try repository.missingAcceptance(inApproval: proposed.commit)
            return missing.isEmpty
                ? nil
                : "draft \(proposed.approval.draft) changes \(missing.map(\.rawValue).joined(separator: ", ")), "
                    + "which the approval did not accept (`clinicctl review approve --accept \(missing.map(\.rawValue).joined(separator: ","))`)"
        },
        ApprovalRule(name: "signature") { proposed, repository in
            // Unsigned while the published tip requires signatures, badly signed, signed by a key
            // not listed for that reviewer on the previous tip, or signed by an author of the draft.
            let check = try repository.verifyApproval(commit: proposed.commit, previousTip: proposed.previous)
            return check.passes ? nil : "its signature does not prove the approval (\(check.verdict.rawValue)): \(check.detail)"
        },
        ApprovalRule(name: "content-validates") { proposed, repository in
            let errors = try repository.findings(at: proposed.commit).errors
            return errors.isEmpty ? nil : "the approved content would be invalid: \(errors.map(\.message).joined(separator: "; "))"
        },
    ]
}

extension ContentRepository {
    /// The repository a server hook runs in, with the pushed objects visible (quarantine included).
    public static func openInServerHook(environment: WorkEnvironment = WorkEnvironment()) throws -> ContentRepository {
        try ContentRepository(git: try throughGit { try Repository.openFromHookEnvironment() }, environment: environment)
    }

    /// The settings as they are at `revision`.
    func config(at revision: Revision) throws -> RepositoryConfig {
        try withGit { git in try RepositoryConfig.load(from: GitRevisionSource(repository: git, commit: revision.id)).0 }
    }

    /// The server's check of a push (its `pre-receive`): what it refuses, and why.
    ///
    /// The published branch is never deleted or rewound, and moves only by approval merges
    /// that pass every rule; `refs/clinicctl/` records are only added. Reads only: it runs
    /// while the pushed objects are in quarantine.
    public func checkPush(_ updates: [ProposedUpdate], rules: [ApprovalRule] = ApprovalRule.standard) throws -> [ServerRefusal] {
        var refusals: [ServerRefusal] = []
        for update in updates {
            if let reason = try refusal(of: update, rules: rules) {
                refusals.append(ServerRefusal(reference: update.reference, reason: reason))
            }
        }
        return refusals
    }

    private func refusal(of update: ProposedUpdate, rules: [ApprovalRule]) throws -> String? {
        if update.reference.hasPrefix("refs/clinicctl/") {
            return update.old == nil ? nil : "clinicctl's records are only ever added; \(update.reference) cannot be changed or deleted"
        }
        guard update.reference == publishedRef else { return nil }
        let branch = config.publishedBranch
        guard let new = update.new else { return "\(branch) is the published content; it cannot be deleted" }
        guard let old = update.old else { return nil }
        guard try isIncluded(old, in: new) else {
            return "\(branch) cannot be rewound or overwritten (a forced push); what is published stays in its history"
        }
        var chain: [CommitInfo] = []
        for commit in try withGit({ try $0.firstParentLog(from: new.id, limit: 1000) }) {
            if commit.id == old.id { break }
            chain.append(commit)
        }
        for commit in chain.reversed() {
            let what = "commit \(commit.id.short) (\"\(commit.summary)\")"
            guard commit.parents.count == 2, case .approval(let approval) = CommitRecord(message: commit.message) else {
                return "\(what) is not an approval: \(branch) only moves when a reviewer approves a draft with `clinicctl review approve`"
            }
            let proposed = ProposedApproval(
                commit: Revision(commit.id), previous: Revision(commit.parents[0]), approval: approval,
                committer: Person(name: commit.committer.name, email: commit.committer.email),
                draft: try describeDraft(id: approval.draft, tip: commit.parents[1], published: commit.parents[0], state: .open))
            for rule in rules {
                if let reason = try rule.check(proposed, self) { return "\(what) is refused: \(reason)" }
            }
        }
        return nil
    }

}
