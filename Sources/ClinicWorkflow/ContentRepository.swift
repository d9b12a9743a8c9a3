import ClinicContent
package import ClinicGit
import Foundation

/// A Git repository holding the clinic's content, with its clinicctl settings.
///
/// Everything above the Git layer goes through this: which branch is
/// published, where drafts live, and how content is read at a revision.
/// Workflow code reaches Git only through `withGit`, the one place a Git
/// failure becomes a `WorkflowError`.
public final class ContentRepository: @unchecked Sendable {
    private let repository: Repository
    public let environment: WorkEnvironment
    /// Settings as they are on the published branch (the only place they count);
    /// `publishedBranch` is the repository's setting, never the file's.
    public let config: RepositoryConfig
    /// Whether the published branch was recorded in the repository or assumed.
    public let publishedBranchOrigin: PublishedBranchOrigin
    /// FAQ records already read, by blob id, kept in `<git dir>/clinicctl/cache/` (docs/cache.md).
    public let recordCache: RecordCache
    /// Findings of content folders already validated, by tree id, in `<git dir>/clinicctl/cache/validation/`.
    public let validations: ValidationCache
    /// The repository's `core.sharedRepository`; when it shares, this process's umask follows it (`SharedAccess`).
    let sharing: SharedRepository
    private var lastLoaded: (commit: ObjectID, content: LoadedContent)?
    private let lastLoadedLock = NSLock()

    public static let draftPrefix = "refs/heads/drafts/"
    public static let rejectedPrefix = "refs/clinicctl/rejected/"
    public static let deployedRef = "refs/clinicctl/deployed"
    /// The last revision a publish exported while every deploy hook skipped.
    public static let exportedRef = "refs/clinicctl/exported"

    package init(git: Repository, environment: WorkEnvironment = WorkEnvironment()) throws {
        self.repository = git
        self.environment = environment
        (self.config, self.publishedBranchOrigin) = try throughGit { try Self.readConfig(git) }
        self.sharing = try throughGit { try Self.adoptSharing(of: git) }
        self.recordCache = RecordCache(file: git.gitDirectory.appendingPathComponent("clinicctl/cache/records.bin"))
        self.validations = ValidationCache(folder: git.gitDirectory.appendingPathComponent("clinicctl/cache/validation"))
        let variables = environment.variables
        if variables["CLINICCTL_TEST_PAUSE_AT"] != nil { git.beforeReferenceUpdate = { PausePoint.beforeReferenceUpdate.reach(variables) } }
    }

    /// Facts about where the repository lives; reading them cannot fail, so they
    /// need not pass through `withGit`.
    var gitDirectory: URL { repository.gitDirectory }
    var workingDirectory: URL? { repository.workingDirectory }
    var isBare: Bool { repository.isBare }

    /// The files at `commit`, read from Git as a content source.
    func revisionSource(at commit: ObjectID) -> GitRevisionSource {
        GitRevisionSource(repository: repository, commit: commit, records: recordCache)
    }

    /// The one door from the workflow into Git: runs `body` on the repository and
    /// turns a Git failure into a `WorkflowError` about what is named here.
    func withGit<T>(
        draft: String? = nil, entry: String? = nil, file: String? = nil, reference: String? = nil, revision: String? = nil,
        _ body: (Repository) throws -> T
    ) throws -> T {
        do {
            return try throughGit { try body(repository) }
        } catch let error as WorkflowError {
            throw explainingPermission(explainingShallowClone(error))
                .about(draft: draft, entry: entry, file: file, reference: reference, revision: revision)
        }
    }

    /// Opens the repository at `path`, or the one around the current folder.
    public static func open(_ path: String?, environment: WorkEnvironment = WorkEnvironment()) throws -> ContentRepository {
        try open(path ?? FileManager.default.currentDirectoryPath, discover: path == nil, environment: environment)
    }

    /// Opens the repository at `path`, or with `discover` the one around it.
    public static func open(_ path: String, discover: Bool, environment: WorkEnvironment) throws -> ContentRepository {
        let url = URL(fileURLWithPath: path)
        let git: Repository
        do {
            git = try throughGit { discover ? try Repository.discover(from: url) : try Repository.open(at: url) }
        } catch let error as WorkflowError where error.code == .notFound {
            throw WorkflowError(
                .notFound,
                "\(url.path) is not inside a Git repository", file: url.path, remedy: .openRepository)
        }
        return try throughGit { try ContentRepository(git: git, environment: environment) }
    }

    public var publishedRef: String { "refs/heads/\(config.publishedBranch)" }
    public var layout: ContentLayout { config.layout }

    /// The published branch's tip; a clear error when it has no commits yet.
    func publishedTip() throws -> ObjectID {
        guard let tip = try withGit(reference: publishedRef, { try $0.referenceTarget(publishedRef) }) else {
            throw WorkflowError(.notFound, missingPublishedBranchMessage(), reference: publishedRef)
        }
        return tip
    }

    /// A revision as a commit id, with a message that names what was asked for.
    ///
    /// A name is read as the published branch, else the draft of that id, else the branch,
    /// else a full reference name or a commit id (or its start), and only then a tag or
    /// another reference: a tag never hides the published branch or a draft. A name that
    /// means several of these is warned about (`environment.warning`), or refused when one
    /// of its meanings is a commit id. What follows the name (`~1`, `^2`) applies to it.
    func resolve(_ revision: String) throws -> ObjectID {
        do {
            return try resolveName(revision)
        } catch let error as WorkflowError where error.code == .notFound || error.code == .repository {
            // A malformed revision is as absent as an unknown one to the person who typed it.
            throw WorkflowError(.notFound, "there is no revision \"\(revision)\" in this repository", revision: revision)
        }
    }

    /// Content as it is at `commit`.
    ///
    /// The last commit loaded is kept: a commit never changes, and listing drafts
    /// compares each of them with the same published tip.
    func load(at commit: ObjectID) throws -> LoadedContent {
        if let last = lastLoadedLock.withLock({ lastLoaded }), last.commit == commit { return last.content }
        let loaded = try withGit(revision: commit.hex) {
            try ContentLoader(layout: layout).load(from: GitRevisionSource(repository: $0, commit: commit, records: recordCache))
        }
        lastLoadedLock.withLock { lastLoaded = (commit, loaded) }
        return loaded
    }

    /// The commit a reading command looks at: `--rev`, `--draft`, or the published tip.
    func readingCommit(revision: String?, draft: String?) throws -> ObjectID {
        if revision != nil && draft != nil { throw WorkflowError(.usage, "give --rev or --draft, not both") }
        if let revision { return try resolve(revision) }
        if let draft { return try self.draft(draft).tip.id }
        return try publishedTip()
    }
}

/// The one place a Git failure becomes a workflow error; every Git call of the
/// workflow runs inside it (through `ContentRepository.withGit`, or directly
/// where there is no content repository yet). Workflow errors pass unchanged.
func throughGit<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as WorkflowError {
        throw error
    } catch let error as GitError {
        throw WorkflowError(git: error)
    } catch {
        throw WorkflowError(.repository, error.localizedDescription)
    }
}

extension WorkflowError {
    /// A Git failure as the workflow names it: a lost compare-and-swap or a held
    /// lock is someone else changing the same thing meanwhile.
    init(git error: GitError) {
        let code: Code =
            switch error.code {
            case .notFound, .unbornBranch: .notFound
            case .modified, .locked, .exists, .conflict: .conflict
            default: .repository
            }
        self.init(code, error.description)
    }
}
