import ClinicContent
internal import ClinicGit
import Foundation

/// What an approval did.
public struct ApprovalResult: Sendable, Codable {
    public enum WorkingTree: String, Sendable, Codable {
        /// Bare repository, or HEAD is not the published branch.
        case notCheckedOut = "not-checked-out"
        /// Index and files now match the published branch.
        case updated
        /// Local changes were present and left as they were; approved files were updated around them.
        case updatedAroundLocalChanges = "updated-around-local-changes"
        /// Local changes touch approved files: nothing in the working tree was changed.
        case leftAlone = "left-alone"
        /// Updating the checkout failed for another reason (`problems` says which); the approval stands.
        case failed = "update-failed"
    }

    public var draft: String
    public var merge: Revision
    public var publishedBranch: String
    public var previousTip: Revision
    public var approvedCommit: Revision
    public var workingTree: WorkingTree
    public var changes: [EntryChange]
    /// What the reviewer accepted beyond content, as recorded in the approval.
    public var accepted: [Acceptance] = []
    /// What went wrong after the published branch moved (the approval itself stands):
    /// a checkout that could not be updated, a draft branch that could not be closed.
    public var problems: [String] = []
    /// In a clone: what the server printed while taking the approval (its `remote:` lines: its
    /// hooks' output, the publish's, a failure among them, `ServerPublishReport`).
    public var serverMessages: [String] = []
}

extension ContentRepository {

    enum WorkingTreeState { case none, clean, dirty }
}

extension Reviews {
    /// Who may approve `draft`, and why not when they may not. Returns the approved
    /// change the draft reverts when the reviewer wrote it and may approve it anyway
    /// (see `pureRevertOfApproved`).
    @discardableResult
    func checkMayApprove(_ draft: Draft, reviewer: Person) throws -> ObjectID? {
        guard repository.config.isReviewer(email: reviewer.email) else {
            let listed = repository.config.reviewers.map { "\($0.name) <\($0.email)>" }
            throw WorkflowError(
                .refused,
                "\(reviewer) is not a reviewer: only people listed in \(RepositoryConfig.fileName) on \(repository.config.publishedBranch) may approve"
                    + (listed.isEmpty ? " (nobody is listed yet)" : " (\(listed.joined(separator: ", ")))"))
        }
        return try checkNotAuthor(draft, reviewer: reviewer, published: repository.publishedTip())
    }

    /// The author rule, written once: `review approve` here and the server's pre-receive
    /// check both apply it. Throws when `reviewer` wrote or committed part of `draft`
    /// (measured against the published tip `published`), unless the draft is nothing but
    /// a pure revert of an approved change; returns that change then.
    func checkNotAuthor(_ draft: Draft, reviewer: Person, published: ObjectID) throws -> ObjectID? {
        // Every commit of the draft counts, merged side branches included: a reviewer's own
        // commit merged into someone else's draft is still their own change.
        if let own = draft.contributions.first(where: { $0.author.isSame(as: reviewer) || $0.committer.isSame(as: reviewer) }) {
            // A pure revert of an approved change restores what a reviewer approved once: allowed.
            if let reverted = try pureRevertOfApproved(draft, published: published) { return reverted }
            let role = own.author.isSame(as: reviewer) ? "wrote" : "committed"
            throw WorkflowError(
                .refused,
                "\(reviewer.name) \(role) part of draft \(draft.id) (\(own.commit.short) \"\(own.summary)\"); another reviewer must approve it, "
                    + ContentRepository.whoMayApproveWords(reviewersWhoMayApprove(draft)))
        }
        return nil
    }

    /// Merges an open draft onto the published branch, recording the approval.
    ///
    /// The merged content is validated before the branch moves, and the branch
    /// moves by compare-and-swap; if another approval lands first, the merge is
    /// redone on top of it or refused with the reason. Approvals take turns on
    /// the published branch, and each holds its draft so no edit lands meanwhile.
    ///
    /// What is approved is the tip `tip` names, else the tip this reviewer last
    /// saw with `review show`; a draft that moved since is refused. A draft that
    /// changes hooks, settings or other files outside the content needs those
    /// named in `accepting`, and the record says what was accepted.
    public func approve(
        _ id: String, as reviewer: Person, message: String? = nil, accepting: Set<Acceptance> = [], tip: Revision? = nil,
        signingKey: SigningKey? = nil
    ) throws -> ApprovalResult {
        try repository.holdingDraft(id) {
            try repository.holdingPublished {
                try approveHoldingLocks(id, as: reviewer, message: message, accepting: accepting, tip: tip, key: signingKey)
            }
        }
    }

    private func approveHoldingLocks(
        _ id: String, as reviewer: Person, message: String?, accepting: Set<Acceptance>, tip: Revision?, key: SigningKey?
    ) throws -> ApprovalResult {
        for _ in 0..<3 {
            let draft = try self.repository.draft(id)
            let ownRevert = try checkMayApprove(draft, reviewer: reviewer)
            try checkTip(draft, expected: tip ?? shownTip(of: id, to: reviewer))
            try repository.signatures.checkCanSign(key)
            let published = try repository.publishedTip()
            let accepted = try checkAccepted(draft, published: published, accepting: accepting)
            let headBefore = try workingTreeState()
            let record = CommitRecord.approval(
                .init(
                    draft: draft.id, title: draft.edits.isEmpty ? draft.id : draft.title,
                    note: message.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 },
                    edits: draft.edits.map { "\($0.summary) (\($0.author.name))" }, approvedBy: reviewer, approvedCommit: draft.tip,
                    accepted: accepted, ownRevertOf: ownRevert.map(Revision.init)))
            let (merged, conflicts, fields) = try mergeWithPublished(
                draft.tip.id, published: published, message: record.message, as: reviewer, sign: repository.signatures.signer(key))
            guard let merged else {
                if !fields.isEmpty { throw repository.fieldConflictError(id, fields) }
                throw WorkflowError(
                    .conflict,
                    "draft \(id) conflicts with changes published since it began, in: \(conflicts.joined(separator: ", "))",
                    draft: id, entry: conflicts.count == 1 ? conflicts[0] : nil, remedy: .updateDraft(id))
            }
            try repository.signatures.checkApprovalSignature(merged, published: published, key: key)
            let (after, findings) = try repository.validate(at: merged)
            guard findings.errors.isEmpty else {
                throw WorkflowError(
                    .invalid, "draft \(id) is not approved: together with what is published now, the content would be invalid",
                    findings: findings.errors, draft: id)
            }
            do {
                try repository.withGit(draft: id, reference: repository.publishedRef) {
                    try $0.updateReference(
                        repository.publishedRef, to: merged, expected: published, logMessage: "clinicctl: approve draft \(id)")
                }
            } catch let error as WorkflowError where error.code == .conflict {
                // Another approval landed first: merge again on top of it. Or a Git process that
                // does not take clinicctl's lock (the server's receive-pack, a plain `git`) holds
                // the branch's lock file this moment, which fails at once: let it finish first.
                repository.clearStaleReferenceLock(repository.publishedRef)
                continue
            }
            var problems: [String] = []
            // The draft is closed; its commits stay reachable through the merge.
            do {
                try repository.withGit(draft: id, reference: repository.draftRef(id)) {
                    try $0.deleteReference(repository.draftRef(id), expected: draft.tip.id)
                }
            } catch let error as WorkflowError where error.code == .conflict {
                problems.append(
                    "draft \(id) received a new edit while it was approved; that edit is not published and the draft stays open with it")
            } catch {
                problems.append("draft \(id) could not be closed: \(error.localizedDescription)")
            }
            let before = try repository.load(at: published).content
            let workingTree = bringWorkingTreeAlong(from: published, state: headBefore)
            if let problem = workingTree.problem { problems.append(problem) }
            // Installed Git hooks follow the published branch, and only it.
            do { _ = try repository.refreshInstalledGitHooks() } catch {
                problems.append("the Git hooks could not be refreshed: \(error.localizedDescription)")
            }
            return ApprovalResult(
                draft: id, merge: Revision(merged), publishedBranch: repository.config.publishedBranch, previousTip: Revision(published),
                approvedCommit: draft.tip, workingTree: workingTree.outcome,
                changes: ContentDiff.changes(from: before, to: after.content), accepted: accepted, problems: problems)
        }
        throw WorkflowError(.conflict, "the published branch kept moving while approving draft \(id); try again")
    }

    /// Whether the published branch is checked out here, and whether it has local changes.
    func workingTreeState() throws -> ContentRepository.WorkingTreeState {
        try repository.withGit { git in
            guard !git.isBare, git.headReferenceName == repository.publishedRef else { return .none }
            return try git.workingTreeIsClean() ? .clean : .dirty
        }
    }

    /// After the published branch moved from `old`: index and files follow, local changes stay.
    ///
    /// The branch has already moved, so nothing here throws: a checkout that could
    /// not be updated is reported with the reason, beside the approval that stands.
    /// Only local changes in the approved files (a Git conflict) count as "left alone".
    func bringWorkingTreeAlong(from old: ObjectID, state: ContentRepository.WorkingTreeState) -> (
        outcome: ApprovalResult.WorkingTree, problem: String?
    ) {
        if state == .none { return (.notCheckedOut, nil) }
        do {
            try repository.withGit { try $0.checkoutHead(movedFrom: old) }
            return (state == .clean ? .updated : .updatedAroundLocalChanges, nil)
        } catch let error as WorkflowError where error.code == .conflict && state == .dirty {
            return (.leftAlone, nil)
        } catch {
            return (
                .failed,
                "your checkout of \(repository.config.publishedBranch) could not be brought up to date: \(error.localizedDescription)"
            )
        }
    }
}
