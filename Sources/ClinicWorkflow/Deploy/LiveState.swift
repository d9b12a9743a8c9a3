import ClinicContent
internal import ClinicGit
import Foundation

/// What the clinic's website shows now: the deployed revision, when and by
/// which hooks it went live, and what was approved since but is not live yet.
public struct LiveState: Sendable, Codable {
    /// An approved draft on the published branch that is not deployed yet.
    public struct WaitingApproval: Sendable, Codable, Hashable {
        /// The approval's merge on the published branch.
        public var revision: Revision
        public var draft: String
        public var title: String
        public var approvedBy: Person
        public var approvedAt: Date
    }

    public var publishedBranch: String
    public var published: Revision
    /// Nil when nothing was ever deployed.
    public var deployed: Revision?
    /// The deployed commit's summary line.
    public var deployedSummary: String?
    /// When and by which hooks; nil when not known (deployed by an older clinicctl).
    public var deployment: Deployment?
    /// The remote whose publish deployed it (in a clone, as fetched by the last sync); nil when this copy's own.
    public var recordedBy: String?
    /// Whether the deployed revision includes everything published.
    public var upToDate: Bool
    /// Approved drafts not deployed yet, newest first.
    public var waiting: [WaitingApproval]
    /// Other published changes not deployed yet (commits made outside review), newest first: `abc1234 summary`.
    public var otherChangesWaiting: [String]
    /// The clinic's time zone (IANA id), in which times are shown.
    public var timeZone: String
    /// The last publish failed (in a clone whose server records it, the server's): nil when it did not.
    public var publishFailure: PublishFailure? = nil
}

extension Deployments {
    /// What is live now, read from `refs/clinicctl/deployed` (in a clone, the server's, as the
    /// last sync fetched it: `websiteDeployment`), the note of the publish that moved it, and
    /// the published branch's first-parent history.
    public func liveState() throws -> LiveState {
        let tip = try repository.publishedTip()
        let website = try websiteDeployment()
        let deployed = website?.revision
        let zone = try repository.reviews.clinicTimeZone()
        let (summary, waiting, others) = try repository.withGit(reference: ContentRepository.deployedRef) { git in
            var waiting: [LiveState.WaitingApproval] = []
            var others: [String] = []
            // The first-parent line down to what the deployed revision already includes.
            for commit in try git.firstParentLog(from: tip, limit: 200) {
                if let deployed, try git.isAncestor(commit.id, of: deployed.id) { break }
                if case .approval(let approval) = CommitRecord(message: commit.message) {
                    waiting.append(
                        .init(
                            revision: Revision(commit.id), draft: approval.draft, title: approval.title,
                            approvedBy: approval.approvedBy, approvedAt: commit.committer.time))
                } else {
                    others.append("\(commit.id.short) \(commit.summary)")
                }
            }
            return (try deployed.map { try git.commit($0.id).summary }, waiting, others)
        }
        return LiveState(
            publishedBranch: repository.config.publishedBranch, published: Revision(tip), deployed: deployed, deployedSummary: summary,
            deployment: website?.deployment, recordedBy: website?.recordedBy,
            upToDate: deployed != nil && waiting.isEmpty && others.isEmpty,
            waiting: waiting, otherChangesWaiting: others, timeZone: zone.identifier, publishFailure: try lastPublishFailure())
    }
}
