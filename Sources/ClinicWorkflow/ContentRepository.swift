import ClinicContent
import ClinicGit
import Foundation

/// A Git repository holding the clinic's content, with its clinicctl settings.
///
/// Everything above the Git layer goes through this: which branch is
/// published, where drafts live, and how content is read at a revision.
public final class ContentRepository: @unchecked Sendable {
    /// The Git layer stays behind this type: everything above it speaks in revisions and records.
    let git: Repository
    public let environment: WorkEnvironment
    /// Settings as they are on the published branch (the only place they count).
    public let config: RepositoryConfig

    public static let draftPrefix = "refs/heads/drafts/"
    public static let rejectedPrefix = "refs/clinicctl/rejected/"
    public static let deployedRef = "refs/clinicctl/deployed"

    public init(git: Repository, environment: WorkEnvironment = WorkEnvironment()) throws {
        self.git = git
        self.environment = environment
        self.config = try Self.readConfig(git)
    }

    /// Opens the repository at `path`, or the one around the current folder.
    public static func open(_ path: String?, environment: WorkEnvironment = WorkEnvironment()) throws -> ContentRepository {
        let url = URL(fileURLWithPath: path ?? FileManager.default.currentDirectoryPath)
        do {
            let git = path == nil ? try Repository.discover(from: url) : try Repository.open(at: url)
            return try ContentRepository(git: git, environment: environment)
        } catch let error as GitError where error.code == .notFound {
            throw WorkflowError(
                .notFound,
                "\(url.path) is not inside a Git repository; run clinicctl inside the clinic's content repository, pass --repo PATH, or create one with `clinicctl init DIR`"
            )
        } catch let error as GitError {
            throw WorkflowError.git(error)
        }
    }

    /// `clinicctl.yaml` from the published branch: `main`, unless the file on
    /// `main` (or, before `main` exists, on HEAD) names another branch.
    static func readConfig(_ git: Repository) throws -> RepositoryConfig {
        func config(at ref: String) throws -> RepositoryConfig? {
            guard let tip = try git.referenceTarget(ref) else { return nil }
            return try RepositoryConfig.load(from: GitRevisionSource(repository: git, commit: tip)).0
        }
        guard let first = try config(at: "refs/heads/main") ?? config(at: git.headReferenceName ?? "refs/heads/main") else {
            if let folder = git.workingDirectory { return try RepositoryConfig.load(from: FolderSource(root: folder)).0 }
            return RepositoryConfig()
        }
        if first.publishedBranch != "main", let named = try config(at: "refs/heads/\(first.publishedBranch)") {
            return named
        }
        return first
    }

    public var publishedRef: String { "refs/heads/\(config.publishedBranch)" }
    public var layout: ContentLayout { config.layout }

    /// The published branch's tip; a clear error when it has no commits yet.
    public func publishedTip() throws -> ObjectID {
        guard let tip = try wrap({ try git.referenceTarget(publishedRef) }) else {
            throw WorkflowError(
                .notFound,
                "the published branch \(config.publishedBranch) has no commits yet; commit the content first (or create a repository with `clinicctl init DIR`)"
            )
        }
        return tip
    }

    /// A revision as a commit id, with a message that names what was asked for.
    public func resolve(_ revision: String) throws -> ObjectID {
        do {
            return try git.resolveCommit(revision)
        } catch let error as GitError where error.code == .notFound || error.code == .invalid {
            throw WorkflowError(.notFound, "there is no revision \"\(revision)\" in this repository")
        } catch let error as GitError {
            throw WorkflowError.git(error)
        }
    }

    /// Content as it is at `commit`.
    public func load(at commit: ObjectID) throws -> LoadedContent {
        try wrap { try ContentLoader(layout: layout).load(from: GitRevisionSource(repository: git, commit: commit)) }
    }

    /// Loads and validates the content at `commit`.
    public func validate(at commit: ObjectID) throws -> (LoadedContent, [Finding]) {
        try wrap { try Validator().validate(GitRevisionSource(repository: git, commit: commit), layout: layout) }
    }

    /// The commit a reading command looks at: `--rev`, `--draft`, or the published tip.
    public func readingCommit(revision: String?, draft: String?) throws -> ObjectID {
        if revision != nil && draft != nil { throw WorkflowError(.usage, "give --rev or --draft, not both") }
        if let revision { return try resolve(revision) }
        if let draft { return try self.draft(draft).tip }
        return try publishedTip()
    }

    /// Runs a Git operation, turning its failure into a workflow error.
    func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as GitError { throw WorkflowError.git(error) }
    }
}
