import CLibGit2

extension Repository {
    /// Three-way merge of two commits in memory (their merge base as the ancestor).
    /// Writes the merged tree when clean; reports the conflicted paths otherwise. Moves no
    /// reference and touches no working tree: commit the tree with two parents to finish.
    /// `overrides` decide their paths instead of the line merge (their blobs are written).
    public func merge(ours: ObjectID, theirs: ObjectID, overriding overrides: MergeOverrides = .none) throws -> MergeOutcome {
        let operation = "merge \(theirs.short) into \(ours.short)"
        return try withCommit(ours, operation) { our in
            try withCommit(theirs, operation) { their in
                var options = try mergeOptions(operation)
                var index: OpaquePointer?
                try check(git_merge_commits(&index, handle, our, their, &options), operation)
                defer { git_index_free(index) }
                try apply(overrides, to: index!, operation)
                return try outcome(of: index!, operation)
            }
        }
    }

    /// The tree of `onto` with the change `commit` made (against its first parent)
    /// undone, as `git revert` would compute it. Conflicts are reported like `merge`.
    public func revert(_ commit: ObjectID, onto: ObjectID) throws -> MergeOutcome {
        let operation = "revert \(commit.short) on \(onto.short)"
        return try withCommit(commit, operation) { reverted in
            try withCommit(onto, operation) { our in
                var options = try mergeOptions(operation)
                var index: OpaquePointer?
                try check(
                    git_revert_commit(&index, handle, reverted, our, mainline(of: reverted), &options),
                    operation)
                defer { git_index_free(index) }
                return try outcome(of: index!, operation)
            }
        }
    }

    /// The tree of `onto` with the change `commit` made (against its first parent)
    /// applied, as `git cherry-pick` would compute it: how a draft is replayed on a moved
    /// base. Conflicts are reported like `merge`; `overrides` decide their paths as there.
    public func cherryPick(_ commit: ObjectID, onto: ObjectID, overriding overrides: MergeOverrides = .none) throws -> MergeOutcome {
        let operation = "apply \(commit.short) on \(onto.short)"
        return try withCommit(commit, operation) { picked in
            try withCommit(onto, operation) { our in
                var options = try mergeOptions(operation)
                var index: OpaquePointer?
                try check(
                    git_cherrypick_commit(&index, handle, picked, our, mainline(of: picked), &options),
                    operation)
                defer { git_index_free(index) }
                try apply(overrides, to: index!, operation)
                return try outcome(of: index!, operation)
            }
        }
    }

    // MARK: Helpers

    /// Default options: conflicts are recorded in the index, not raised as errors, so the
    /// caller learns which paths conflict.
    private func mergeOptions(_ operation: String) throws -> git_merge_options {
        var options = git_merge_options()
        try check(git_merge_options_init(&options, UInt32(GIT_MERGE_OPTIONS_VERSION)), operation)
        return options
    }

    /// libgit2 wants the parent to diff against named only for merge commits (1 = first
    /// parent) and refuses a mainline for ordinary commits.
    private func mainline(of commit: OpaquePointer) -> UInt32 {
        git_commit_parentcount(commit) > 1 ? 1 : 0
    }

    private func outcome(of index: OpaquePointer, _ operation: String) throws -> MergeOutcome {
        guard git_index_has_conflicts(index) != 0 else {
            var tree = git_oid()
            // The index is in memory, not the repository's: write_tree_to names the odb.
            try check(git_index_write_tree_to(&tree, index, handle), operation)
            return MergeOutcome(tree: ObjectID(tree), conflictedPaths: [])
        }
        var paths = Set<String>()
        try forEachIndexConflict(in: index, operation) { conflict in
            // Renames can give each side its own path; report them all.
            for entry in [conflict.ancestor, conflict.our, conflict.their].compactMap({ $0 }) {
                paths.insert(String(cString: entry.pointee.path))
            }
        }
        return MergeOutcome(tree: nil, conflictedPaths: paths.sorted(by: gitOrder))
    }
}
