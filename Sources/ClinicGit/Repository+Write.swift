import CLibGit2
import Foundation

extension Repository {
    /// The tree of `commit` (nil: the empty tree) with `changes` applied, written to the
    /// object database. Touches neither the working tree nor the index.
    ///
    /// When a path appears more than once the last change wins. Deletions are applied
    /// before writes, so a file may replace a deleted directory of the same name and the
    /// other way round. Deleting an absent path is not an error; a directory left empty
    /// disappears, as Git cannot record empty directories. `.write` over an executable
    /// file keeps it executable; `.writeExecutable` makes a file executable.
    public func treeWithChanges(base commit: ObjectID?, changes: [FileChange]) throws -> ObjectID {
        let operation = "build tree from \(changes.count) change(s) on \(commit?.short ?? "the empty tree")"
        var finalChanges: [String: FileChange] = [:]
        for change in changes {
            try validateRepositoryPath(change.path, operation)
            finalChanges[change.path] = change
        }
        let deletions = Set(
            finalChanges.values.compactMap { change -> String? in
                if case .delete(let path) = change { return path } else { return nil }
            })
        let writes = finalChanges.values.compactMap { change -> (path: String, contents: Data, executable: Bool)? in
            switch change {
            case .write(let path, let contents): (path, contents, false)
            case .writeExecutable(let path, let contents): (path, contents, true)
            case .delete: nil
            }
        }

        var tree = try commit.map(treeOf)
        // libgit2 fails on removing what is not there, and would re-create a directory
        // when both it and a path inside it are removed; keep only removals that matter.
        let removals = try deletions.filter { path in
            let components = path.split(separator: "/")
            let ancestors = (1..<components.count).map { components[..<$0].joined(separator: "/") }
            if ancestors.contains(where: deletions.contains) { return false }
            return try entryMode(tree, path, operation) != nil
        }
        if !removals.isEmpty {
            let updates = removals.map { path in
                TreeUpdate(action: GIT_TREE_UPDATE_REMOVE, path: path, id: git_oid(), mode: GIT_FILEMODE_UNREADABLE)
            }
            tree = try applyUpdates(updates, to: tree, operation)
        }
        if !writes.isEmpty || tree == nil {
            var updates: [TreeUpdate] = []
            for write in writes {
                let blob = try createBlob(write.contents, operation)
                let executable =
                    try write.executable
                    || entryMode(tree, write.path, operation) == GIT_FILEMODE_BLOB_EXECUTABLE
                updates.append(
                    TreeUpdate(
                        action: GIT_TREE_UPDATE_UPSERT, path: write.path, id: blob,
                        mode: executable ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB))
            }
            tree = try applyUpdates(updates, to: tree, operation)
        }
        return tree!
    }

    /// Writes a commit object. Moves no reference: publish it with `updateReference`.
    ///
    /// With `sign`, the commit is signed: `sign` gets the commit object's bytes and
    /// returns the armoured signature, stored in the `gpgsig` header as Git does.
    public func createCommit(
        tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String,
        sign: ((Data) throws -> String)? = nil
    ) throws -> ObjectID {
        let operation = "create commit on \(parents.map(\.short).joined(separator: ", "))"
        var parentCommits: [OpaquePointer?] = []
        defer { parentCommits.forEach { git_commit_free($0) } }
        for parent in parents {
            var raw = parent.raw
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, handle, &raw), "\(operation): read parent \(parent.short)")
            parentCommits.append(commit)
        }
        let authorSignature = try author.makeLibgit2(operation)
        defer { git_signature_free(authorSignature) }
        let committerSignature = try committer.makeLibgit2(operation)
        defer { git_signature_free(committerSignature) }
        var id = git_oid()
        if let sign {
            let content = try withTree(tree, operation) { treePointer in
                try parentCommits.withUnsafeMutableBufferPointer { buffer in
                    var out = git_buf()
                    defer { git_buf_dispose(&out) }
                    try check(
                        git_commit_create_buffer(
                            &out, handle, authorSignature, committerSignature, nil, message, treePointer, buffer.count,
                            buffer.baseAddress),
                        operation)
                    return Data(bytes: out.ptr, count: out.size)
                }
            }
            try writeSignedCommit(&id, content: content, signature: try sign(content), operation)
            return try stored(ObjectID(id), operation)
        }
        try withTree(tree, operation) { treePointer in
            try parentCommits.withUnsafeMutableBufferPointer { buffer in
                try check(
                    git_commit_create(
                        &id, handle, nil, authorSignature, committerSignature, nil, message,
                        treePointer, buffer.count, buffer.baseAddress),
                    operation)
            }
        }
        return try stored(ObjectID(id), operation)
    }

    /// Commits `changes` on top of `expectedTip` and moves `fullRefName` there by
    /// compare-and-swap. With `expectedTip` nil the branch must not exist yet and the new
    /// commit's parent is `parentIfNew` (nil: a root commit).
    ///
    /// If the branch moved meanwhile this throws `.modified` and nothing is lost: the new
    /// commit stays behind as an unreferenced object. Moving the checked-out branch leaves
    /// the index and working tree behind; follow with `checkoutHead(movedFrom:)`.
    /// With `sign`, the commit is signed as `createCommit` does.
    public func commit(
        changes: [FileChange], onBranch fullRefName: String, expectedTip: ObjectID?,
        parentIfNew: ObjectID?, author: Signature, committer: Signature, message: String,
        sign: ((Data) throws -> String)? = nil
    ) throws -> ObjectID {
        let parent = expectedTip ?? parentIfNew
        let tree = try treeWithChanges(base: parent, changes: changes)
        let commit = try createCommit(
            tree: tree, parents: parent.map { [$0] } ?? [], author: author, committer: committer,
            message: message, sign: sign)
        let summary = message.split(separator: "\n").first.map(String.init) ?? ""
        try updateReference(
            fullRefName, to: commit, expected: expectedTip,
            logMessage: "commit\(expectedTip == nil && parent == nil ? " (initial)" : ""): \(summary)")
        return commit
    }

    // MARK: Helpers

    private struct TreeUpdate {
        var action: git_tree_update_t
        var path: String
        var id: git_oid
        var mode: git_filemode_t
    }

    private func applyUpdates(_ updates: [TreeUpdate], to tree: ObjectID?, _ operation: String) throws -> ObjectID {
        // git_tree_update borrows its path: keep every C string alive until the call returns.
        let paths = updates.map { strdup($0.path) }
        defer { paths.forEach { free($0) } }
        var cUpdates = zip(updates, paths).map { update, path in
            git_tree_update(action: update.action, id: update.id, filemode: update.mode, path: UnsafePointer(path))
        }
        var result = git_oid()
        try withTree(tree, operation) { base in
            try check(git_tree_create_updated(&result, handle, base, cUpdates.count, &cUpdates), operation)
        }
        return ObjectID(result)
    }

    private func createBlob(_ contents: Data, _ operation: String) throws -> git_oid {
        var id = git_oid()
        _ = try contents.withUnsafeBytes { bytes in
            try check(git_blob_create_from_buffer(&id, handle, bytes.baseAddress, bytes.count), operation)
        }
        return id
    }

    /// The mode of the entry at `path` in `tree`, nil when there is none.
    private func entryMode(_ tree: ObjectID?, _ path: String, _ operation: String) throws -> git_filemode_t? {
        try withTree(tree, operation) { pointer -> git_filemode_t? in
            guard let pointer else { return nil }
            var entry: OpaquePointer?
            let result = git_tree_entry_bypath(&entry, pointer, path)
            if result == GIT_ENOTFOUND.rawValue { return nil }
            try check(result, operation)
            defer { git_tree_entry_free(entry) }
            return git_tree_entry_filemode(entry)
        }
    }

    /// Rejects what Git would refuse or misread in a tree: absolute paths, empty, "." and
    /// ".." components, anything inside `.git`, NUL bytes.
    private func validateRepositoryPath(_ path: String, _ operation: String) throws {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        let valid =
            !path.isEmpty && !path.utf8.contains(0)
            && components.allSatisfy { component in
                !component.isEmpty && component != "." && component != ".." && component.lowercased() != ".git"
            }
        if !valid {
            throw GitError(
                code: .invalid, operation: operation,
                message: "'\(path)' is not a repository-relative file path (use \"/\" between names, no \".\", \"..\" or \".git\")")
        }
    }
}
