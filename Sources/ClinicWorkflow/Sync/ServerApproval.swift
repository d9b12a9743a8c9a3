internal import ClinicGit
import Foundation

extension Team {
    /// Whether this copy has the remote `name` (a clone of the shared repository).
    public func hasRemote(_ name: String = "origin") -> Bool {
        (try? repository.withGit { try $0.remoteURL(name) }) != nil
    }

    /// Approves `id` on top of the server's published tip and sends the approval at once.
    ///
    /// Fetches first and brings this copy's published branch up to the server's. When the
    /// server moves meanwhile (another reviewer's approval), the local approval is undone,
    /// the draft reopened, and it is merged, validated and sent again: at most three times.
    /// When the server refuses it, or keeps moving, the approval is undone here too and the
    /// draft stays open, so nothing exists only locally without the reviewer being told.
    public func approveThroughServer(
        _ id: String, as reviewer: Person, message: String? = nil, accepting: Set<Acceptance> = [], tip: Revision? = nil,
        signingKey: SigningKey? = nil, remote: String = "origin"
    ) throws
        -> ApprovalResult
    {
        let access = repository.environment.networkAccess
        // The server's tip when this copy last looked: a server that went back or was replaced
        // since is not approved on top of (as in `sync`).
        let lastSeen = try repository.withGit {
            try $0.referenceTarget(ContentRepository.trackingPrefix(remote) + repository.config.publishedBranch)
        }
        for _ in 0..<3 {
            try fetchEverything(remote: remote, access: access)
            var plan = SyncPlan()
            _ = try syncPublishedBranch(remote: remote, lastSeen: lastSeen, plan: &plan)
            if let diverged = plan.lines.first(where: { $0.outcome == .refused || $0.outcome == .notFollowed }) {
                throw WorkflowError(.conflict, "draft \(id) is not approved: \(diverged.detail ?? "")", draft: id)
            }
            try syncDrafts(remote: remote, plan: &plan)
            let result = try repository.reviews.approve(
                id, as: reviewer, message: message, accepting: accepting, tip: tip, signingKey: signingKey)
            let pushed: PushReport
            do {
                pushed = try repository.withGit {
                    try $0.push(remote: remote, refspecs: ["\(repository.publishedRef):\(repository.publishedRef)"], access: access)
                }
            } catch let error as WorkflowError where error.code == .conflict {
                // The server moved since the fetch: undo, then merge again on its new tip.
                try undoApproval(result)
                continue
            } catch {
                try undoApproval(result)
                throw error
            }
            if let refusal = pushed.references.first(where: { !$0.accepted }) {
                try undoApproval(result)
                // Another approval landed while this one was inside the server (Git's `cannot lock
                // ref`): the server moved, so merge again on its new tip, as for a fetch-first.
                if try serverMoved(from: result.previousTip.id, remote: remote, access: access) { continue }
                let said = pushed.serverMessages.isEmpty ? refusal.refusal ?? "" : pushed.serverMessages.joined(separator: " ")
                throw WorkflowError(
                    .refused,
                    "the server refused the approval of draft \(id): \(ContentRepository.explainingServerPermission(said)). The draft is still open",
                    draft: id)
            }
            var sent = result
            sent.serverMessages = pushed.serverMessages
            return sent
        }
        throw WorkflowError(
            .conflict,
            "the server's published branch kept moving while approving draft \(id) (3 attempts); nothing was approved. Run the approval again",
            draft: id)
    }

    /// Whether the server's published branch is no longer at `tip` (fetched again to know):
    /// then a push that lost was beaten by another one, not turned down.
    func serverMoved(from tip: ObjectID?, remote: String, access: NetworkAccess) throws -> Bool {
        try repository.withGit { try $0.fetch(remote: remote, refspecs: [serverPublishedRefspec(remote)], access: access) }
        return try repository.withGit {
            try $0.referenceTarget(ContentRepository.trackingPrefix(remote) + repository.config.publishedBranch)
        } != tip
    }

    /// The fetch refspec of the server's published branch alone.
    func serverPublishedRefspec(_ remote: String) -> String {
        "+\(repository.publishedRef):\(ContentRepository.trackingPrefix(remote))\(repository.config.publishedBranch)"
    }

    /// Puts the published branch back where it was and reopens the draft, checkout included.
    private func undoApproval(_ result: ApprovalResult) throws {
        let state = try repository.reviews.workingTreeState()
        try repository.withGit(draft: result.draft) { git in
            try git.updateReference(
                repository.publishedRef, to: result.previousTip.id, expected: result.merge.id, logMessage: "clinicctl: undo unsent approval"
            )
            if try git.referenceTarget(repository.draftRef(result.draft)) == nil {
                try git.updateReference(
                    repository.draftRef(result.draft), to: result.approvedCommit.id, expected: nil, logMessage: "clinicctl: reopen draft")
            }
        }
        _ = repository.reviews.bringWorkingTreeAlong(from: result.merge.id, state: state)
    }
}
