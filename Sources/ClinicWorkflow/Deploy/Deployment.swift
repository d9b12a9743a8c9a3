import Foundation

/// What one publish did when it moved `refs/clinicctl/deployed`: when, and
/// which deploy hooks ran (all of them succeeded, or the record would not have
/// moved).
///
/// Kept in `<git dir>/clinicctl/deployment.json`, outside the content and its
/// history, replaced atomically by each publish that moves the record. The
/// reference stays the truth of what is deployed: a note that names another
/// revision (written by a publish that lost a race, or missing because an
/// older clinicctl deployed) is not believed, and the details read as unknown.
public struct Deployment: Sendable, Codable, Hashable {
    public var revision: Revision
    public var previousRevision: Revision?
    public var deployedAt: Date
    /// The hooks that ran, in the order they ran.
    public var hooks: [String]
    /// Hooks present but not run, because the change that published them did not accept them.
    public var notRun: [String]

    public init(revision: Revision, previousRevision: Revision?, deployedAt: Date, hooks: [String], notRun: [String]) {
        self.revision = revision
        self.previousRevision = previousRevision
        self.deployedAt = deployedAt
        self.hooks = hooks
        self.notRun = notRun
    }

    /// Fields a later clinicctl may add are ignored; missing lists read as empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        revision = try container.decode(Revision.self, forKey: .revision)
        previousRevision = try container.decodeIfPresent(Revision.self, forKey: .previousRevision)
        deployedAt = try container.decode(Date.self, forKey: .deployedAt)
        hooks = try container.decodeIfPresent([String].self, forKey: .hooks) ?? []
        notRun = try container.decodeIfPresent([String].self, forKey: .notRun) ?? []
    }
}

extension Deployments {
    /// `<git dir>/clinicctl/deployment.json`.
    var deploymentNoteFile: URL { repository.gitDirectory.appendingPathComponent("clinicctl/deployment.json") }

    /// Notes when and by which hooks `revision` was deployed, right after the
    /// publish moved `refs/clinicctl/deployed` to it.
    ///
    /// The deployment already happened, so a note that cannot be written is
    /// said (through the environment's notice) rather than thrown.
    /// The note also goes into `refs/clinicctl/deployment` (`recordDeploymentForClones`), so
    /// every clone's `sync` learns what the website serves.
    public func noteDeployment(_ revision: Revision, previous: Revision?, hooks: [String], notRun: [String]) {
        let note = Deployment(
            revision: revision, previousRevision: previous, deployedAt: repository.environment.now(), hooks: hooks, notRun: notRun)
        do {
            try repository.makeFolder(deploymentNoteFile.deletingLastPathComponent())
            try note.encoded().write(to: deploymentNoteFile, options: .atomic)
            try recordDeploymentForClones(note)
        } catch {
            repository.environment.notice(
                "\(revision.short) is deployed, but when and by which hooks could not be noted in \(deploymentNoteFile.path): \(error.localizedDescription)"
            )
        }
    }

    /// The note of the publish that deployed `revision`; nil when there is none
    /// for it (an older clinicctl deployed it, or the note is unreadable).
    public func deployment(of revision: Revision) -> Deployment? {
        guard let data = try? Data(contentsOf: deploymentNoteFile), let note = Deployment(json: data), note.revision == revision
        else { return nil }
        return note
    }
}

extension Deployment {
    /// The note as JSON: sorted keys, ISO 8601 dates.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    /// Reads a note; nil when it is not one.
    init?(json data: Data) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let note = try? decoder.decode(Deployment.self, from: data) else { return nil }
        self = note
    }
}
