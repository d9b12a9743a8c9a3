import ClinicContent
import ClinicGit
import Foundation

/// Where the repository stands: what is published, waiting, and deployed.
public struct RepositoryStatus: Sendable, Codable {
    public var publishedBranch: String
    public var publishedTip: ObjectID
    public var publishedSummary: String
    public var openDrafts: [String]
    public var deployed: ObjectID?
    /// Published changes not yet deployed, newest first.
    public var notDeployed: [String]
}

extension ContentRepository {
    public func status() throws -> RepositoryStatus {
        let tip = try publishedTip()
        let deployed = try wrap { try git.referenceTarget(Self.deployedRef) }
        var pending: [String] = []
        for commit in try wrap({ try git.firstParentLog(from: tip, limit: 200) }) {
            if let deployed, try wrap({ try git.isAncestor(commit.id, of: deployed) }) { break }
            pending.append("\(commit.id.short) \(commit.summary)")
        }
        return RepositoryStatus(
            publishedBranch: config.publishedBranch, publishedTip: tip, publishedSummary: try wrap { try git.commit(tip) }.summary,
            openDrafts: try drafts().map(\.id), deployed: deployed, notDeployed: pending)
    }
}
