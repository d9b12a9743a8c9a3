internal import ClinicGit
import Foundation

/// What the website serves, as one repository knows it: the deployed revision, the note of
/// the publish that deployed it, and whether the record is this copy's own or the server's.
public struct WebsiteDeployment: Sendable, Codable, Hashable {
    public var revision: Revision
    /// When and by which hooks; nil when not known (deployed by an older clinicctl).
    public var deployment: Deployment?
    /// The remote whose publish recorded it (as fetched by the last sync); nil when this copy's own.
    public var recordedBy: String?
}

extension ContentRepository {
    /// The record of each deployment that travels to every clone: a commit holding the
    /// publish's note as `deployment.json`, on top of the one before it. Only the
    /// repository's own publish writes it; the server refuses it from a push.
    public static let deploymentRef = "refs/clinicctl/deployment"
    static let deploymentNoteName = "deployment.json"
    /// Who makes the deployment records: the publish itself, not a person.
    static let publishSignatureName = "clinicctl publish"
    static let publishSignatureEmail = "publish@clinicctl.invalid"
}

extension Deployments {

    /// Writes `note` into `refs/clinicctl/deployment`, after the deployed record moved.
    func recordDeploymentForClones(_ note: Deployment) throws {
        let data = try note.encoded()
        let signature = Signature(
            name: ContentRepository.publishSignatureName, email: ContentRepository.publishSignatureEmail, time: repository.environment.now()
        )
        try repository.withGit(reference: ContentRepository.deploymentRef) { git in
            let previous = try git.referenceTarget(ContentRepository.deploymentRef)
            _ = try git.commit(
                changes: [.write(path: ContentRepository.deploymentNoteName, contents: data)], onBranch: ContentRepository.deploymentRef,
                expectedTip: previous, parentIfNew: nil, author: signature, committer: signature,
                message: "clinicctl publish: deployed \(note.revision.short)\n")
        }
    }

    /// What the website serves: the server's record (fetched by the last sync) when it has one
    /// that is at least as new as this copy's own, else this copy's; nil when neither has one.
    public func websiteDeployment(remote: String = "origin") throws -> WebsiteDeployment? {
        let own = try deployedRevision().map { WebsiteDeployment(revision: $0, deployment: deployment(of: $0), recordedBy: nil) }
        guard repository.team.hasRemote(remote), let server = try serverDeployment(remote: remote) else { return own }
        guard let own else { return server }
        return try repository.isIncluded(own.revision, in: server.revision) ? server : own
    }

    /// The server's deployed record and its note, as the last fetch brought them; nil when
    /// the server never deployed, or names a revision this copy does not have.
    public func serverDeployment(remote: String = "origin") throws -> WebsiteDeployment? {
        let base = ContentRepository.trackingRecordPrefix(remote)
        return try repository.withGit { git -> WebsiteDeployment? in
            guard let deployed = try git.referenceTarget(base + "deployed"), git.objectExists(deployed) else { return nil }
            let revision = Revision(deployed)
            var note: Deployment?
            if let record = try git.referenceTarget(base + "deployment"),
                let data = try? git.readFile(ContentRepository.deploymentNoteName, at: record),
                let read = Deployment(json: data), read.revision == revision
            {
                note = read
            }
            return WebsiteDeployment(revision: revision, deployment: note, recordedBy: remote)
        }
    }

    /// The revision the server exported last while every deploy hook skipped there, as fetched.
    func serverExportedRevision(remote: String = "origin") throws -> Revision? {
        try repository.withGit { git in try git.referenceTarget(ContentRepository.trackingRecordPrefix(remote) + "exported") }.map(
            Revision.init)
    }
}
