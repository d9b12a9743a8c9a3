import ClinicContent
internal import ClinicGit
import Foundation

/// Content a command reads, with the words that name it in messages.
public struct ChosenContent {
    /// `working tree`, `main (1a2b3c4)`, `draft faq-x (1a2b3c4)`.
    public let label: String
    public let source: any ContentSource
    /// The commit read; nil for the working tree.
    public let revision: Revision?
}

extension ContentRepository {
    /// The checkout's folder; nil in a bare repository.
    public var workingTree: URL? { workingDirectory }

    /// The working tree's files; `.usage` with `message` in a bare repository.
    public func workingTreeSource(orExplain message: String) throws -> FolderSource {
        guard let folder = workingDirectory else { throw WorkflowError(.usage, message) }
        return FolderSource(root: folder)
    }

    /// The content a command reads: `revision`, else `draft`, else the working
    /// tree when `preferWorkingTree` and there is one, else the published tip.
    public func content(revision: String?, draft: String?, preferWorkingTree: Bool) throws -> ChosenContent {
        if preferWorkingTree && revision == nil && draft == nil, let folder = workingDirectory {
            return ChosenContent(label: "working tree", source: FolderSource(root: folder), revision: nil)
        }
        let commit = try readingCommit(revision: revision, draft: draft)
        let name = revision ?? draft.map { "draft \($0)" } ?? config.publishedBranch
        return ChosenContent(
            label: "\(name) (\(commit.short))", source: revisionSource(at: commit), revision: Revision(commit))
    }
}
