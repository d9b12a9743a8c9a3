import ClinicGit
import Foundation

extension ContentRepository {
    /// The revision last recorded as deployed (`refs/clinicctl/deployed`), if any.
    public func deployedRevision() throws -> Revision? {
        try wrap { try git.referenceTarget(Self.deployedRef) }.map(Revision.init)
    }

    /// Records `revision` as deployed, only if the record still holds `previous`
    /// (compare-and-swap under the reference's lock).
    ///
    /// Throws `.conflict` when another publish moved the record meanwhile (or
    /// holds its lock): the caller ran its hooks, but this revision is not recorded.
    public func recordDeployed(_ revision: Revision, replacing previous: Revision?) throws {
        do {
            try git.updateReference(
                Self.deployedRef, to: revision.id, expected: previous?.id,
                logMessage: "clinicctl publish: deployed \(revision.short)")
        } catch let error as GitError where error.code == .modified || error.code == .locked || error.code == .exists {
            throw WorkflowError(.conflict, error.message)
        } catch let error as GitError {
            throw WorkflowError.git(error)
        }
    }

    /// The deployed revision when it already includes `revision`, else nil:
    /// settles a publish that lost the race to record itself.
    public func deployedRevision(including revision: Revision) throws -> Revision? {
        guard let deployed = try deployedRevision(), try isIncluded(revision, in: deployed) else { return nil }
        return deployed
    }

    /// Where a revision's bundle is written: `<git dir>/clinicctl/bundles/<commit>`.
    public func bundleFolder(for revision: Revision) -> URL {
        git.gitDirectory.appendingPathComponent("clinicctl/bundles/\(revision.hex)", isDirectory: true)
    }

    /// The repository's own folder (the `.git` folder, or the bare repository), for hooks.
    public var repositoryFolder: URL { git.gitDirectory }

    /// Where deploy hooks run: the working tree, or the repository folder when bare.
    public var hookWorkingFolder: URL { git.workingDirectory ?? git.gitDirectory }
}
