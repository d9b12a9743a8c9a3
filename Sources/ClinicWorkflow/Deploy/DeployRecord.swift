internal import ClinicGit
import Foundation

extension Deployments {
    /// The revision last recorded as deployed (`refs/clinicctl/deployed`), if any.
    public func deployedRevision() throws -> Revision? {
        try repository.withGit { git in try git.referenceTarget(ContentRepository.deployedRef) }.map(Revision.init)
    }

    /// Records `revision` as deployed, only if the record still holds `previous`
    /// (compare-and-swap under the reference's lock).
    ///
    /// Throws `.conflict` when another publish moved the record meanwhile (or
    /// holds its lock): the caller ran its hooks, but this revision is not recorded.
    ///
    /// `manifestSHA256`, the SHA-256 of the bundle's `manifest.json`, is written
    /// beside it in `<git dir>/clinicctl/deployed` (see `DeploymentRecord`).
    public func recordDeployed(_ revision: Revision, manifestSHA256: String? = nil, replacing previous: Revision?) throws {
        // A lost compare-and-swap comes out of `withGit` as `.conflict`.
        try repository.withGit(reference: ContentRepository.deployedRef, revision: revision.hex) { git in
            try git.updateReference(
                ContentRepository.deployedRef, to: revision.id, expected: previous?.id,
                logMessage: "clinicctl publish: deployed \(revision.short)")
        }
        if let manifestSHA256 {
            let folder = deploymentRecordFile.deletingLastPathComponent()
            try? repository.makeFolder(folder)
            do {
                try DeploymentRecord(revision: revision.hex, manifestSHA256: manifestSHA256).write(to: deploymentRecordFile)
            } catch let error as WorkflowError where !FileManager.default.isWritableFile(atPath: folder.path) {
                throw WorkflowError(error.code, error.message + ". " + ContentRepository.sharingAdvice(forUnwritable: folder.path))
            }
        }
    }

    /// Where publish records what it deployed: inside the repository folder, which
    /// a push can never write (a push writes only references and objects).
    public var deploymentRecordFile: URL { repository.gitDirectory.appendingPathComponent("clinicctl/deployed") }

    /// The record publish wrote, if any.
    public func deploymentRecord() -> DeploymentRecord? {
        (try? Data(contentsOf: deploymentRecordFile)).flatMap(DeploymentRecord.init(text:))
    }

    /// The revision last exported by a publish whose deploy hooks all skipped
    /// (`refs/clinicctl/exported`), if any: exported, not deployed.
    public func exportedRevision() throws -> Revision? {
        try repository.withGit { git in try git.referenceTarget(ContentRepository.exportedRef) }.map(Revision.init)
    }

    /// Records `revision` as exported but not deployed (every deploy hook skipped).
    /// The last such publish wins; `deployed` is left alone.
    public func recordExported(_ revision: Revision) throws {
        try repository.withGit(reference: ContentRepository.exportedRef, revision: revision.hex) { git in
            let current = try git.referenceTarget(ContentRepository.exportedRef)
            try git.updateReference(
                ContentRepository.exportedRef, to: revision.id, expected: current,
                logMessage: "clinicctl publish: exported \(revision.short), every deploy hook skipped")
        }
    }

    /// The deployed revision when it already includes `revision`, else nil:
    /// settles a publish that lost the race to record itself.
    public func deployedRevision(including revision: Revision) throws -> Revision? {
        guard let deployed = try deployedRevision(), try repository.isIncluded(revision, in: deployed) else { return nil }
        return deployed
    }

    /// Where a revision's bundle is written: `<git dir>/clinicctl/bundles/<commit>`.
    public func bundleFolder(for revision: Revision) -> URL {
        repository.gitDirectory.appendingPathComponent("clinicctl/bundles/\(revision.hex)", isDirectory: true)
    }

    /// Where `clinicctl preview` writes a page by default: `<git dir>/clinicctl/preview/<name>`,
    /// inside the repository but outside its content and history.
    public func previewFolder(named name: String) -> URL {
        repository.gitDirectory.appendingPathComponent("clinicctl/preview/\(name)", isDirectory: true)
    }

    /// Where deploy hooks run: the working tree, or the repository folder when bare.
    public var hookWorkingFolder: URL { repository.workingDirectory ?? repository.gitDirectory }
}

/// What `clinicctl publish` deployed: the revision and the SHA-256 of its bundle's
/// manifest, so `status` can tell a real deployment from a reference set by hand.
/// The file holds `revision <hex>` and `manifest-sha256 <hex>` lines.
public struct DeploymentRecord: Equatable, Sendable {
    public var revision: String
    public var manifestSHA256: String

    public init(revision: String, manifestSHA256: String) {
        self.revision = revision
        self.manifestSHA256 = manifestSHA256
    }

    init?(text data: Data) {
        var fields: [String: String] = [:]
        for line in String(decoding: data.prefix(4096), as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard let revision = fields["revision"], let hash = fields["manifest-sha256"] else { return nil }
        self.init(revision: revision, manifestSHA256: hash)
    }

    func write(to file: URL) throws {
        let text = "revision \(revision)\nmanifest-sha256 \(manifestSHA256)\n"
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .atomic)
        } catch {
            throw WorkflowError(.repository, "cannot write the deployment record \(file.path): \(error.localizedDescription)")
        }
    }
}

extension ContentRepository {
    /// The repository's own folder (the `.git` folder, or the bare repository), for hooks.
    public var repositoryFolder: URL { gitDirectory }
}
