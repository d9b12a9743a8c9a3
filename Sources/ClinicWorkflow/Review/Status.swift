import ClinicContent
internal import ClinicGit
import Foundation

/// Where the repository stands: what is published, waiting, and deployed.
public struct RepositoryStatus: Sendable, Codable {
    public var publishedBranch: String
    public var publishedTip: Revision
    public var publishedSummary: String
    public var openDrafts: [String]
    public var deployed: Revision?
    /// When and by which hooks the deployed revision went live; nil when not known.
    public var deployment: Deployment?
    /// The remote whose publish deployed it (in a clone, as the last sync fetched it); nil when this copy's own.
    public var deploymentRecordedBy: String? = nil
    /// Published changes not yet deployed, newest first.
    public var notDeployed: [String]
    /// References under `drafts/` that are not drafts (see `draftListing`).
    public var skippedDraftReferences: [SkippedDraftReference] = []
    /// The revision the last publish exported without deploying (every hook
    /// skipped), when what is deployed does not include it already.
    public var exportedNotDeployed: Revision?
    /// In a clone: where each draft is compared with the server, and the last sync; nil without a remote.
    public var server: DraftPlaces? = nil
    /// When the published tip is an approval: what its signature proves (as `clinicctl verify` says).
    public var publishedApproval: ApprovalSignatureCheck? = nil
    /// Rejection and discard records here that do not count (`ClosingRecord`): they closed nothing.
    public var unverifiedRecords: [ClosingRecord] = []
    /// The last publish failed (in a clone whose server records it, the server's): nil when it did not.
    public var publishFailure: PublishFailure? = nil
}

extension Reviews {
    public func status() throws -> RepositoryStatus {
        let tip = try repository.publishedTip()
        let website = try repository.deployments.websiteDeployment()
        let serverExported = repository.team.hasRemote() ? try repository.deployments.serverExportedRevision() : nil
        // A clone whose server publishes follows the server's records, not its own.
        let followsServer = website?.recordedBy != nil || (website == nil && serverExported != nil)
        let (deployed, pending, summary, exported) = try repository.withGit(reference: ContentRepository.deployedRef) { git in
            let deployed = website?.revision.id
            let exportedHere = followsServer ? serverExported?.id : try git.referenceTarget(ContentRepository.exportedRef)
            let exported = try exportedHere.flatMap { exported in
                try deployed.map { try git.isAncestor(exported, of: $0) } == true ? nil : exported
            }
            let pending = try git.firstParentLog(from: tip, limit: 200)
                .prefix { commit in try deployed.map { try !git.isAncestor(commit.id, of: $0) } ?? true }
                .map { "\($0.id.short) \($0.summary)" }
            return (deployed, pending, try git.commit(tip).summary, exported)
        }
        let listing = try repository.drafts.draftListing()
        return RepositoryStatus(
            publishedBranch: repository.config.publishedBranch, publishedTip: Revision(tip), publishedSummary: summary,
            openDrafts: listing.drafts.map(\.id), deployed: deployed.map(Revision.init),
            deployment: website?.deployment, deploymentRecordedBy: website?.recordedBy, notDeployed: pending,
            skippedDraftReferences: listing.skipped,
            exportedNotDeployed: exported.map(Revision.init), server: try repository.team.draftPlaces(),
            publishedApproval: try repository.signatures.approvalCheck(of: tip),
            unverifiedRecords: try repository.records.unverifiedRecords(), publishFailure: try repository.deployments.lastPublishFailure())
    }
}
