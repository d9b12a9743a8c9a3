import ClinicContent
internal import ClinicGit
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

    /// Committer is the approver; the approver is a reviewer, not an author; the commit is exactly
    /// the merge of the published tip and the approved draft tip; changes to hooks, settings and
    /// other files were accepted; the signature holds (required when the published tip says
    /// `requireSignedApprovals: true`); the content validates.
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
                _ = try repository.reviews.checkNotAuthor(
                    proposed.draft, reviewer: proposed.approval.approvedBy, published: proposed.previous.id)
                return nil
            } catch let error as WorkflowError where error.code == .refused {
                return error.message
            }
        },
        ApprovalRule(name: "approval-is-the-merge") { proposed, repository in
            // What was reviewed is the merge `review approve` makes: an approval whose tree was
            // changed by hand after merging (an "evil merge"), or that names another draft tip
            // than the one it merges, publishes something nobody saw.
            try repository.team.mergeRefusal(of: proposed)
        },
        ApprovalRule(name: "changes-beyond-content-accepted") { proposed, repository in
            // The same rule `review approve` applies: hooks, settings and other files need an explicit yes.
            let missing = try repository.reviews.missingAcceptance(inApproval: proposed.commit)
            return missing.isEmpty
                ? nil
                : "draft \(proposed.approval.draft) changes \(missing.map(\.rawValue).joined(separator: ", ")), "
                    + "which the approval did not accept (`clinicctl review approve --accept \(missing.map(\.rawValue).joined(separator: ","))`)"
        },
        ApprovalRule(name: "signature") { proposed, repository in
            // Unsigned while the published tip requires signatures, badly signed, signed by a key
            // not listed for that reviewer on the previous tip, or signed by an author of the draft.
            let check = try repository.signatures.verifyApproval(commit: proposed.commit, previousTip: proposed.previous)
            return check.passes ? nil : "its signature does not prove the approval (\(check.verdict.rawValue)): \(check.detail)"
        },
        ApprovalRule(name: "content-validates") { proposed, repository in
            let errors = try repository.findings(at: proposed.commit).errors
            return errors.isEmpty ? nil : "the approved content would be invalid: \(errors.map(\.message).joined(separator: "; "))"
        },
    ]

    /// The rules `verify` and `sync` apply to every approval already on the published branch:
    /// all but the content check (the rules of content grow with clinicctl, and what a build
    /// of today says of content approved last year is `validate`'s to tell) and the signature
    /// (which `verifyApproval` reports with its own verdict).
    public static let history: [ApprovalRule] = standard.filter { $0.name != "content-validates" && $0.name != "signature" }
}

extension ContentRepository {
    /// The repository a server hook runs in, with the pushed objects visible (quarantine included).
    public static func openInServerHook(environment: WorkEnvironment = WorkEnvironment()) throws -> ContentRepository {
        try ContentRepository(git: try throughGit { try Repository.openFromHookEnvironment() }, environment: environment)
    }
}

extension ContentRepository {
    /// The settings as they are at `revision`.
    func config(at revision: Revision) throws -> RepositoryConfig {
        try withGit { git in try RepositoryConfig.load(from: GitRevisionSource(repository: git, commit: revision.id)).0 }
    }
}

extension Server {

    /// The server's check of a push (its `pre-receive`): what it refuses, and why.
    ///
    /// Trust starts at what the server already publishes, never at what the push says about
    /// itself: the published branch is never deleted or rewound, and its new tip must reach
    /// the old one along first parents, every step an approval that passes every rule under
    /// the settings published just before it, checked in order from the old tip. Only the
    /// published branch, drafts and clinicctl's records may be pushed, and records are only
    /// added. Reads only: it runs while the pushed objects are in quarantine.
    public func checkPush(_ updates: [ProposedUpdate], rules: [ApprovalRule] = ApprovalRule.standard) throws -> [ServerRefusal] {
        let started = repository.environment.now()
        var refusals: [ServerRefusal] = []
        for update in updates {
            if let reason = try refusal(of: update, rules: rules, started: started) {
                refusals.append(ServerRefusal(reference: update.reference, reason: reason))
            }
        }
        return refusals
    }

    private func refusal(of update: ProposedUpdate, rules: [ApprovalRule], started: Date) throws -> String? {
        if update.reference.hasPrefix("refs/clinicctl/") { return recordRefusal(of: update) }
        guard update.reference == repository.publishedRef else { return try refusalOfOtherReference(update) }
        let branch = repository.config.publishedBranch
        guard let new = update.new else { return "\(branch) is the published content; it cannot be deleted" }
        if update.old == nil, try repository.withGit({ try ContentRepository.trustedStart(in: $0) }) != nil {
            return "\(branch) was published here before; it cannot be made again from a push"
        }
        let limit = try pushCheckSeconds()
        let line: PublishedLine
        switch try repository.team.publishedLine(from: new.id, back: update.old?.id, deadline: started.addingTimeInterval(limit)) {
        case .line(let found): line = found
        case .tooLong(let read):
            return "checking the push took longer than \(Int(limit)) s (git config \(ContentRepository.pushCheckSecondsKey)) while reading "
                + "\(read) commits of \(branch)'s new history; nothing was accepted. Push fewer approvals at a time, "
                + "or an administrator raises the setting"
        case .missesStart(let root):
            guard let old = update.old else { return nil }
            if try repository.isIncluded(old, in: new) {
                return "\(branch)'s new history does not continue the published one: following each commit's first parent "
                    + "from \(new.short) leads to \(root.short), never to the published tip \(old.short) (the published "
                    + "history would be hidden behind a merge); \(branch) moves only by approvals made on its tip"
            }
            return "\(branch) cannot be rewound or overwritten (a forced push); what is published stays in its history"
        }
        if let root = line.root, CommitRecord(message: root.message) != .creation {
            return "commit \(root.id.short) (\"\(root.summary)\") does not start a clinic's content repository "
                + "(`clinicctl init` makes the first commit)"
        }
        for (index, commit) in line.steps.enumerated() {
            if index > 0, repository.environment.now() > started.addingTimeInterval(limit) {
                return "checking the push took longer than \(Int(limit)) s (git config \(ContentRepository.pushCheckSecondsKey)) after "
                    + "\(index) of its \(line.steps.count) new commits on \(branch); nothing was accepted. Push fewer approvals "
                    + "at a time, or an administrator raises the setting"
            }
            if let reason = try repository.team.refusalOfPublishedStep(commit, rules: rules) {
                return "commit \(commit.id.short) (\"\(commit.summary)\") \(reason)"
            }
        }
        return nil
    }

    /// Only the published branch, drafts and clinicctl's records belong on the server, plus
    /// what an administrator allows (`clinicctl.allowedRefs`, a pattern per line ending in `*`
    /// or a full name): a look-alike tag `main` or a stray branch would change what a name means.
    private func refusalOfOtherReference(_ update: ProposedUpdate) throws -> String? {
        if update.reference.hasPrefix(ContentRepository.draftPrefix) { return try refusalOfDraftRewrite(update) }
        // Removing what is not allowed is always allowed: it tidies up.
        guard update.new != nil else { return nil }
        let allowed = try repository.withGit { try $0.configStrings(ContentRepository.allowedRefsKey) }
        let matches = allowed.contains { pattern in
            pattern.hasSuffix("*") ? update.reference.hasPrefix(pattern.dropLast()) : update.reference == pattern
        }
        return matches
            ? nil
            : "only \(repository.config.publishedBranch), drafts/* and clinicctl's records are kept on this server; \(update.reference) "
                + "is not one of them (an administrator can allow more with `git config --add \(ContentRepository.allowedRefsKey) 'refs/tags/*'`)"
    }

    /// How long the server may take to check one push, in seconds (`clinicctl.pushCheckSeconds`).
    func pushCheckSeconds() throws -> TimeInterval {
        guard let text = try repository.withGit({ try $0.configString(ContentRepository.pushCheckSecondsKey) }) else { return 300 }
        guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)), seconds >= 0 else {
            throw WorkflowError(.invalid, "git config \(ContentRepository.pushCheckSecondsKey) is \"\(text)\", not a number of seconds")
        }
        return seconds
    }
}
