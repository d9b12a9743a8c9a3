internal import ClinicGit
import Foundation

/// What the server did with an approval this copy sent, as its records say.
public enum ServerPublication: Sendable, Equatable {
    /// The website serves a revision that includes the approval.
    case live(WebsiteDeployment)
    /// The server exported it, but every deploy hook skipped there: nothing was deployed.
    case exportedNotDeployed(Revision)
    /// The server's publish of it failed, as its record says (`refs/clinicctl/publish-failure`).
    case failed(PublishFailure)
    /// The server publishes, but has not recorded this approval as deployed within the wait.
    case notYet(deployed: WebsiteDeployment?)
    /// The server keeps no publish records (it never published: no clinicctl hooks there, or
    /// a forge that deploys elsewhere); whatever deploys the website runs from here.
    case serverDoesNotPublish
}

extension Deployments {
    /// After an approval reached the server: waits up to `seconds` for the server's own
    /// publish to record a deployment that includes `revision`, fetching its records again
    /// about once a second. A server whose hooks publish does so before the push returns, so
    /// the first look usually settles it; a forge whose check deploys later takes the wait.
    ///
    /// `hadRecords` says whether the server had any publish record before the approval: a
    /// server that never had one and still has none does not publish.
    public func waitForServerPublication(
        of revision: Revision, seconds: Double, hadRecords: Bool, remote: String = "origin"
    ) throws -> ServerPublication {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int(max(0, seconds) * 1000)))
        while true {
            try repository.withGit {
                try $0.fetch(
                    remote: remote, refspecs: ["+refs/clinicctl/*:\(ContentRepository.trackingRecordPrefix(remote))*"],
                    access: repository.environment.networkAccess)
            }
            let deployed = try serverDeployment(remote: remote)
            if let deployed, try repository.isIncluded(revision, in: deployed.revision) { return .live(deployed) }
            if let exported = try serverExportedRevision(remote: remote), try repository.isIncluded(revision, in: exported) {
                return .exportedNotDeployed(exported)
            }
            if let failure = try lastPublishFailure(remote: remote), (try? repository.isIncluded(revision, in: failure.revision)) == true {
                return .failed(failure)
            }
            if !hadRecords, deployed == nil { return .serverDoesNotPublish }
            guard clock.now < deadline else { return .notYet(deployed: deployed) }
            Thread.sleep(forTimeInterval: 1)
        }
    }

    /// Whether the server had a publish record (deployed or exported) at the last fetch.
    public func serverHasPublishRecords(remote: String = "origin") throws -> Bool {
        try repository.withGit { git in
            try ["deployed", "exported", "publish-failure"].contains {
                try git.referenceTarget(ContentRepository.trackingRecordPrefix(remote) + $0) != nil
            }
        }
    }
}
