import ClinicContent
import ClinicWorkflow
import Foundation

/// Content checked to have no errors, and where it came from: what a bundle is made of.
public struct BundleContent: Sendable {
    public var content: SiteContent
    public var source: BundleSource

    /// The bundle's files in memory.
    public var files: BundleFiles { BundleExporter().files(for: content, source: source) }

    /// Writes the bundle into `directory` (see `BundleWriter`), streaming each file to disk.
    @discardableResult
    public func write(to directory: URL, beforeSwap: () -> Void = {}) throws -> [ExportedFile] {
        try BundleWriter.write(content, source: source, to: directory, beforeSwap: beforeSwap)
    }
}

extension ContentRepository {
    /// The bundle of the content at `commit`, read straight from Git; its
    /// `generatedAt` is the commit's committer time.
    ///
    /// Throws `.invalid` with the findings when the content has errors: an
    /// export is something sites trust, so it is never made from broken content.
    public func bundle(at revision: Revision) throws -> BundleFiles {
        try bundleContent(at: revision).files
    }

    /// The content of `revision`'s bundle (as `bundle(at:)`), to write it to disk without holding its files.
    public func bundleContent(at revision: Revision) throws -> BundleContent {
        let (loaded, findings) = try validate(at: revision)
        let time = try commitTime(of: revision)
        return try Self.bundleContent(
            loaded.content, findings,
            source: BundleSource(revision: revision.hex, generatedAt: time, approved: try deployments.isPublishedState(revision)),
            label: revision.short)
    }

    /// The bundle of the working tree's files, for a local preview. Its
    /// `revision` and `generatedAt` are HEAD's (the Unix epoch before the first
    /// commit), so exporting the same files twice gives the same bytes.
    public func workingTreeBundle() throws -> BundleFiles {
        try workingTreeBundleContent().files
    }

    /// The content of the working tree's bundle (as `workingTreeBundle()`).
    public func workingTreeBundleContent() throws -> BundleContent {
        let folder = try workingTreeSource(orExplain: "this repository has no working tree; export a revision with --rev instead")
        let (loaded, findings) = try Validator().validate(folder, layout: layout)
        let head = headRevision()
        let time = try head.map(commitTime(of:)) ?? BundleSource.noCommitTime
        let source = BundleSource(revision: head?.hex, generatedAt: time, fromWorkingTree: true)
        return try Self.bundleContent(loaded.content, findings, source: source, label: "the working tree")
    }

    static func bundleContent(_ content: SiteContent, _ findings: [Finding], source: BundleSource, label: String) throws
        -> BundleContent
    {
        let errors = findings.errors
        guard errors.isEmpty else {
            throw WorkflowError(
                .invalid,
                "the content in \(label) has \(errors.count) error(s); nothing was exported. Fix them and export again",
                findings: errors.ordered, remedy: .validate)
        }
        return BundleContent(content: content, source: source)
    }
}
