import ClinicContent
import ClinicGit
import ClinicWorkflow
import Foundation

extension ContentRepository {
    /// The bundle of the content at `commit`, read straight from Git; its
    /// `generatedAt` is the commit's committer time.
    ///
    /// Throws `.invalid` with the findings when the content has errors: an
    /// export is something sites trust, so it is never made from broken content.
    public func bundle(at commit: ObjectID) throws -> BundleFiles {
        let (loaded, findings) = try validate(at: commit)
        let time = try gitCall { try git.commit(commit).committer.time }
        return try Self.bundle(
            loaded.content, findings, source: BundleSource(revision: commit.hex, generatedAt: time),
            label: commit.short)
    }

    /// The bundle of the working tree's files, for a local preview. Its
    /// `revision` and `generatedAt` are HEAD's (the Unix epoch before the first
    /// commit), so exporting the same files twice gives the same bytes.
    public func workingTreeBundle() throws -> BundleFiles {
        guard let folder = git.workingDirectory else {
            throw WorkflowError(.usage, "this repository has no working tree; export a revision with --rev instead")
        }
        let (loaded, findings) = try Validator().validate(FolderSource(root: folder), layout: layout)
        let head = try? git.resolveCommit("HEAD")
        let time = try head.map { id in try gitCall { try git.commit(id).committer.time } } ?? BundleSource.noCommitTime
        let source = BundleSource(revision: head?.hex, generatedAt: time, fromWorkingTree: true)
        return try Self.bundle(loaded.content, findings, source: source, label: "the working tree")
    }

    static func bundle(_ content: SiteContent, _ findings: [Finding], source: BundleSource, label: String) throws -> BundleFiles {
        let errors = findings.errors
        guard errors.isEmpty else {
            throw WorkflowError(
                .invalid,
                "the content in \(label) has \(errors.count) error(s); nothing was exported. Fix them (clinicctl validate lists them) and export again",
                findings: errors.ordered)
        }
        return BundleExporter().files(for: content, source: source)
    }

    /// Git reads go through the workflow's one translation of Git errors (temporary: see `withGitForExport`).
    func gitCall<T>(_ body: () throws -> T) throws -> T {
        try withGitForExport { _ in try body() }
    }
}
