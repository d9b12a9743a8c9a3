import CLibGit2

extension Repository {
    /// True when nothing is staged, modified or untracked (ignored files don't count), as
    /// an empty `git status --porcelain`. `.invalid` for a bare repository.
    public func workingTreeIsClean() throws -> Bool {
        let operation = "read working tree status"
        try requireWorkingTree(operation)
        var options = git_status_options()
        try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), operation)
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue
        var list: OpaquePointer?
        try check(git_status_list_new(&list, handle, &options), operation)
        defer { git_status_list_free(list) }
        return git_status_list_entrycount(list) == 0
    }

    /// Brings the index and working tree along after HEAD's branch was moved from
    /// `oldCommit` (by a ref update that, unlike `git commit`, left them behind).
    ///
    /// Only files that differ between `oldCommit` and the new HEAD are touched, and only
    /// when they are unmodified locally; a local edit of such a file stops the update with
    /// `.conflict` before anything is written. Local edits elsewhere are left alone.
    public func checkoutHead(movedFrom oldCommit: ObjectID) throws {
        let operation = "update working tree from \(oldCommit.short) to HEAD"
        try requireWorkingTree(operation)
        try checkoutHead(baseline: try treeOf(oldCommit), operation)
    }

    /// Writes HEAD's files into the index and working tree after the first commit on a
    /// branch that was unborn (as if moved from the empty tree). Existing files that differ
    /// from HEAD's stop it with `.conflict` before anything is written.
    public func checkoutHead() throws {
        let operation = "check out HEAD into the working tree"
        try requireWorkingTree(operation)
        // The empty tree may not be stored yet; building it writes it.
        try checkoutHead(baseline: try treeWithChanges(base: nil, changes: []), operation)
    }

    private func checkoutHead(baseline: ObjectID, _ operation: String) throws {
        try withTree(baseline, operation) { baseline in
            var options = git_checkout_options()
            try check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), operation)
            options.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue
            // Compare the working tree with the old commit, not the new HEAD, so the files
            // that only changed in history count as unmodified and get updated.
            options.baseline = baseline
            try check(git_checkout_head(handle, &options), operation)
        }
    }
}
