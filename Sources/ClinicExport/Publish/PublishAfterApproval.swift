import ClinicWorkflow
import Foundation

/// How publishing right after an approval ended.
public enum ApprovalPublish: Sendable {
    /// The approved revision was exported, its hooks ran, and it is recorded as deployed.
    case published(PublishResult)
    /// Another publish, running at the same time, recorded `deployed` first, and it includes the approval.
    case alreadyDeployed(Revision)
}

extension Publisher {
    /// Publishes the revision an approval just made.
    ///
    /// A publish that lost the race to record itself is fine when what the winner
    /// deployed already includes the approval. Any other failure is `.refused`
    /// with a message saying that the approval stands and how to retry.
    /// Approvals publish one at a time, so two at once do not race to record.
    public func publishApproved(
        repository: ContentRepository, revision: Revision, timeout: Duration, output: (String) -> Void
    ) throws -> ApprovalPublish {
        try repository.holdingDeployRecord {
            try publishApprovedHoldingLock(repository: repository, revision: revision, timeout: timeout, output: output)
        }
    }

    /// `publish`, taking turns with every other publish of the repository, so
    /// that two never race to record what is deployed; taking the turn also
    /// clears lock files left by a publish that was killed.
    public func publishInTurn(
        repository: ContentRepository, revision: Revision?, dryRun: Bool, timeout: Duration, output: (String) -> Void
    ) throws -> PublishResult {
        try repository.holdingDeployRecord {
            let words = HookLastWords()
            return try recordingOutcome(repository: repository, revision: revision, dryRun: dryRun, words: words) {
                try publish(repository: repository, revision: revision, dryRun: dryRun, timeout: timeout) { words.watch($0, output) }
            }
        }
    }

    private func publishApprovedHoldingLock(
        repository: ContentRepository, revision: Revision, timeout: Duration, output: (String) -> Void
    ) throws -> ApprovalPublish {
        // A later approval, published while this one waited, already includes it.
        if let deployed = try repository.deployments.deployedRevision(including: revision) { return .alreadyDeployed(deployed) }
        do {
            let words = HookLastWords()
            return .published(
                try recordingOutcome(repository: repository, revision: revision, dryRun: false, words: words) {
                    try publish(repository: repository, revision: revision, timeout: timeout) { words.watch($0, output) }
                })
        } catch let error as PublishError where error.code == .recordMoved {
            if let deployed = try repository.deployments.deployedRevision(including: revision) { return .alreadyDeployed(deployed) }
            throw WorkflowError(
                .refused, "approved, but another publish recorded an older revision meanwhile", remedy: .publish)
        } catch {
            throw WorkflowError(
                .refused,
                "approved, but publishing failed: \(error.localizedDescription). The approval stands", remedy: .publish)
        }
    }
}
