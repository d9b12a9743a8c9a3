import CLibGit2

extension Repository {
    /// Opens the repository a Git hook runs in, as Git's own variables describe it.
    ///
    /// During `pre-receive` the pushed objects are still in a quarantine directory named by
    /// `GIT_OBJECT_DIRECTORY` (the real store in `GIT_ALTERNATE_OBJECT_DIRECTORIES`); only
    /// libgit2's `GIT_REPOSITORY_OPEN_FROM_ENV` honours them, so only this sees what is pushed.
    public static func openFromHookEnvironment() throws -> Repository {
        ensureLibgit2()
        var handle: OpaquePointer?
        try check(
            git_repository_open_ext(&handle, nil, GIT_REPOSITORY_OPEN_FROM_ENV.rawValue, nil),
            "open the repository named by GIT_DIR")
        return Repository(handle: handle!, openedFromEnvironment: true)
    }
}
