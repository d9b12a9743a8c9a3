import CLibGit2

extension Repository {
    /// Calls `body` with each delta between two trees (`oldTree` nil: the empty tree), in
    /// libgit2's order, with type changes reported as such: without that flag a file turned
    /// into a symlink shows up twice, as deleted and added. No rename detection.
    func forEachTreeDelta(
        from oldTree: ObjectID?, to newTree: ObjectID, _ operation: String, _ body: (git_diff_delta) throws -> Void
    ) throws {
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), operation)
        options.flags = GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
        try withTree(oldTree, operation) { oldPointer in
            try withTree(newTree, operation) { newPointer in
                var diff: OpaquePointer?
                try check(git_diff_tree_to_tree(&diff, handle, oldPointer, newPointer, &options), operation)
                defer { git_diff_free(diff) }
                for index in 0..<git_diff_num_deltas(diff) { try body(git_diff_get_delta(diff, index).pointee) }
            }
        }
    }
}
