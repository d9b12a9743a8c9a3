internal import ClinicGit
import Foundation

/// A publish that failed, as the repository that ran it recorded it for every clone: which
/// revision, when (its own clock), which deploy hook, and what it said.
public struct PublishFailure: Sendable, Codable, Hashable {
    public var revision: Revision
    public var failedAt: Date
    /// The deploy hook that failed; nil when the publish stopped elsewhere (the bundle, a record).
    public var hook: String?
    /// Why, in the publish's words (the hook's last line included when there was one).
    public var message: String
    /// The remote whose publish failed (in a clone, as the last fetch brought its record); nil when this repository's own.
    public var recordedBy: String? = nil

    public init(revision: Revision, failedAt: Date, hook: String?, message: String) {
        self.revision = revision
        self.failedAt = failedAt
        self.hook = hook
        self.message = message
    }
}

extension ContentRepository {
    /// The record of the last failed publish that travels to every clone: a chain of commits,
    /// each failure one holding `publish-failure.json`, and the next publish that did not fail
    /// one without it (so the tip says whether the last publish failed). Only the repository's
    /// own publish writes it; the server refuses it from a push (`serverWrittenRecords`).
    public static let publishFailureRef = "refs/clinicctl/publish-failure"
    static let publishFailureNoteName = "publish-failure.json"
}

extension Deployments {

    /// Records that publishing `failure.revision` failed. Best effort: the publish failed
    /// already, and a repository this account cannot write (the usual cause) cannot take the
    /// record either; the failure is said anyway (the server's `remote:` line).
    public func recordPublishFailure(_ failure: PublishFailure) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(failure) else { return }
        try? writePublishFailureRecord(
            [.write(path: ContentRepository.publishFailureNoteName, contents: data)],
            message: "clinicctl publish: failed to publish \(failure.revision.short)")
    }

    /// After a publish that did not fail: the record says so, when its tip was a failure.
    public func clearPublishFailure(after revision: Revision) {
        guard (try? ownPublishFailure()) ?? nil != nil else { return }
        try? writePublishFailureRecord(
            [.delete(path: ContentRepository.publishFailureNoteName)],
            message: "clinicctl publish: published \(revision.short); the failure before is over")
    }

    private func writePublishFailureRecord(_ changes: [FileChange], message: String) throws {
        let signature = Signature(
            name: ContentRepository.publishSignatureName, email: ContentRepository.publishSignatureEmail, time: repository.environment.now()
        )
        try repository.withGit(reference: ContentRepository.publishFailureRef) { git in
            _ = try git.commit(
                changes: changes, onBranch: ContentRepository.publishFailureRef,
                expectedTip: try git.referenceTarget(ContentRepository.publishFailureRef),
                parentIfNew: nil, author: signature, committer: signature, message: message + "\n")
        }
    }

    /// This repository's own record: the last publish here failed, or nil.
    func ownPublishFailure() throws -> PublishFailure? {
        try publishFailure(at: ContentRepository.publishFailureRef)
    }

    /// Whether the last publish failed, and how: the server's record (as the last fetch brought
    /// it) in a clone that has one, else this repository's own.
    public func lastPublishFailure(remote: String = "origin") throws -> PublishFailure? {
        let server = ContentRepository.trackingRecordPrefix(remote) + "publish-failure"
        guard repository.team.hasRemote(remote), try repository.withGit({ try $0.referenceTarget(server) }) != nil else {
            return try ownPublishFailure()
        }
        var failure = try publishFailure(at: server)
        failure?.recordedBy = remote
        return failure
    }

    private func publishFailure(at reference: String) throws -> PublishFailure? {
        try repository.withGit { git -> PublishFailure? in
            guard let tip = try git.referenceTarget(reference),
                let data = try? git.readFile(ContentRepository.publishFailureNoteName, at: tip)
            else { return nil }
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try? decoder.decode(PublishFailure.self, from: data)
        }
    }
}
