import CLibGit2
import Foundation

/// A Git repository opened through libgit2.
///
/// One owner per handle: libgit2 objects must not be used from two threads at once, so a
/// `Repository` is not meant to be shared across tasks (hence `@unchecked Sendable`, which
/// only lets it be handed over). Every libgit2 object it creates is freed before the
/// method that created it returns; the repository itself is freed in `deinit`.
public final class Repository: @unchecked Sendable {
    let handle: OpaquePointer
    /// Called before any reference is moved or deleted, after the objects it
    /// will name are written: where crash tests stop the process.
    public var beforeReferenceUpdate: (() -> Void)?
    /// Opened as Git's environment names it (a server hook's quarantine included): a second
    /// handle on the same repository must be opened the same way to see the same objects.
    let openedFromEnvironment: Bool

    init(handle: OpaquePointer, openedFromEnvironment: Bool = false) {
        self.handle = handle
        self.openedFromEnvironment = openedFromEnvironment
    }

    deinit {
        git_repository_free(handle)
    }

    /// Opens the repository at `url`: a working directory containing `.git`, or a bare
    /// repository. Does not search parent directories (see `discover(from:)`).
    public static func open(at url: URL) throws -> Repository {
        ensureLibgit2()
        let operation = "open repository at \(url.path)"
        var handle: OpaquePointer?
        try withFileSystemPath(url, operation) { path in
            try check(git_repository_open(&handle, path), operation)
        }
        return Repository(handle: handle!)
    }

    /// Finds the repository containing `url`, walking up parent directories like `git`
    /// does (stopping at file system boundaries). GitError `.notFound` when there is none.
    public static func discover(from url: URL) throws -> Repository {
        ensureLibgit2()
        let operation = "find repository containing \(url.path)"
        var handle: OpaquePointer?
        try withFileSystemPath(url, operation) { path in
            try check(git_repository_open_ext(&handle, path, 0, nil), operation)
        }
        return Repository(handle: handle!)
    }

    /// Creates a new repository (and missing parent directories) with HEAD on the unborn
    /// branch `initialBranch` ("main" or "refs/heads/main"). Refuses with `.exists` when
    /// `url` already holds a repository, rather than silently re-initialising it.
    public static func create(at url: URL, bare: Bool, initialBranch: String = "main") throws -> Repository {
        ensureLibgit2()
        let operation = "create repository at \(url.path)"
        var options = git_repository_init_options()
        try check(
            git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
            operation)
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
        if bare {
            options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue
        }
        var handle: OpaquePointer?
        try withFileSystemPath(url, operation) { path in
            try initialBranch.withCString { head in
                options.initial_head = head
                try check(git_repository_init_ext(&handle, path, &options), operation)
            }
        }
        return Repository(handle: handle!)
    }

    /// True for a repository without a working tree.
    public var isBare: Bool { git_repository_is_bare(handle) != 0 }

    /// The working tree's root, nil for a bare repository.
    public var workingDirectory: URL? {
        git_repository_workdir(handle).map {
            URL(fileURLWithPath: String(cString: $0), isDirectory: true)
        }
    }

    /// The `.git` directory, or the repository itself when bare.
    public var gitDirectory: URL {
        URL(fileURLWithPath: String(cString: git_repository_path(handle)), isDirectory: true)
    }

    // MARK: Config

    /// The value of `key` (e.g. "user.name") as Git would see it: repository config first,
    /// then global and system. Nil when unset.
    public func configString(_ key: String) throws -> String? {
        let operation = "read config \(key)"
        var config: OpaquePointer?
        // git_config_get_string only works on a snapshot, which also gives a consistent view.
        try check(git_repository_config_snapshot(&config, handle), operation)
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        let result = git_config_get_string(&value, config, key)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, operation)
        return String(cString: value!)
    }

    // MARK: Scoped access to libgit2 objects

    /// Runs `body` with the commit `id`, freeing it afterwards.
    @discardableResult
    func withCommit<T>(
        _ id: ObjectID, _ operation: @autoclosure () -> String, _ body: (OpaquePointer) throws -> T
    ) throws -> T {
        var raw = id.raw
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, handle, &raw), operation())
        defer { git_commit_free(commit) }
        return try body(commit!)
    }

    /// Runs `body` with the tree `id` (nil passes nil, which libgit2 reads as the empty tree).
    @discardableResult
    func withTree<T>(
        _ id: ObjectID?, _ operation: @autoclosure () -> String, _ body: (OpaquePointer?) throws -> T
    ) throws -> T {
        guard let id else { return try body(nil) }
        var raw = id.raw
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, handle, &raw), operation())
        defer { git_tree_free(tree) }
        return try body(tree)
    }

    /// Runs `body` with the root tree of commit `id`.
    @discardableResult
    func withTree<T>(
        ofCommit id: ObjectID, _ operation: @autoclosure () -> String, _ body: (OpaquePointer) throws -> T
    ) throws -> T {
        try withCommit(id, operation()) { commit in
            var tree: OpaquePointer?
            try check(git_commit_tree(&tree, commit), operation())
            defer { git_tree_free(tree) }
            return try body(tree!)
        }
    }

    func requireWorkingTree(_ operation: String) throws {
        if isBare {
            throw GitError(
                code: .invalid, operation: operation,
                message: "the repository at \(gitDirectory.path) is bare and has no working tree")
        }
    }
}

/// Hands libgit2 the file system's own representation of a path.
@discardableResult
private func withFileSystemPath<T>(
    _ url: URL, _ operation: String, _ body: (UnsafePointer<CChar>) throws -> T
) throws -> T {
    try url.withUnsafeFileSystemRepresentation { path in
        guard let path else {
            throw GitError(code: .invalid, operation: operation, message: "the path cannot be represented")
        }
        return try body(path)
    }
}
