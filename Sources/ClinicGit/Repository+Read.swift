import CLibGit2
import Foundation

extension Repository {
    /// The commit `id`, copied out of the repository. `.notFound` when absent.
    public func commit(_ id: ObjectID) throws -> CommitInfo {
        try withCommit(id, "read commit \(id.short)") { CommitInfo($0) }
    }

    /// The bytes of the file at `path` in `commit`'s tree; nil when there is no file there
    /// (absent, or a directory).
    public func readFile(_ path: String, at commit: ObjectID) throws -> Data? {
        let operation = "read \(path) at \(commit.short)"
        return try withTree(ofCommit: commit, operation) { tree in
            var entry: OpaquePointer?
            let result = git_tree_entry_bypath(&entry, tree, path)
            if result == GIT_ENOTFOUND.rawValue { return nil }
            try check(result, operation)
            defer { git_tree_entry_free(entry) }
            guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
            return try readBlob(git_tree_entry_id(entry).pointee, operation)
        }
    }

    /// Paths of all files below `directory` in `commit`'s tree, recursively, repository-
    /// relative and sorted. "" lists the whole tree; an absent directory gives [].
    public func listFiles(under directory: String, at commit: ObjectID) throws -> [String] {
        var paths: [String] = []
        try walkFiles(under: directory, at: commit, "list files under '\(directory)' at \(commit.short)") {
            path, _, _ in paths.append(path)
        }
        return paths.sorted(by: gitOrder)
    }

    /// Paths of the executable files (mode 100755) below `directory`, as `listFiles`.
    public func executableFiles(under directory: String, at commit: ObjectID) throws -> [String] {
        var paths: [String] = []
        try walkFiles(under: directory, at: commit, "list executable files under '\(directory)' at \(commit.short)") {
            path, _, executable in if executable { paths.append(path) }
        }
        return paths.sorted(by: gitOrder)
    }

    /// The contents of all files below `directory` (as `listFiles`), keyed by path.
    public func readFiles(under directory: String, at commit: ObjectID) throws -> [String: Data] {
        let operation = "read files under '\(directory)' at \(commit.short)"
        var files: [String: Data] = [:]
        try walkFiles(under: directory, at: commit, operation) { path, blob, _ in
            files[path] = try readBlob(blob, operation)
        }
        return files
    }

    /// Commits from `from` following first parents only (the mainline of a branch whose
    /// merges bring other work in), newest first, at most `limit` of them.
    public func firstParentLog(from: ObjectID, limit: Int? = nil) throws -> [CommitInfo] {
        var log: [CommitInfo] = []
        var next: ObjectID? = from
        while let id = next, log.count < limit ?? Int.max {
            let info = try commit(id)
            log.append(info)
            next = info.parents.first
        }
        return log
    }

    /// Whether `ancestor` is reachable from `descendant`. A commit counts as its own
    /// ancestor, as with `git merge-base --is-ancestor`.
    public func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws -> Bool {
        if ancestor == descendant { return true }
        var descendantRaw = descendant.raw
        var ancestorRaw = ancestor.raw
        let result = try check(
            git_graph_descendant_of(handle, &descendantRaw, &ancestorRaw),
            "check whether \(ancestor.short) is an ancestor of \(descendant.short)")
        return result == 1
    }

    /// The best common ancestor of two commits; nil when their histories are unrelated.
    public func mergeBase(_ a: ObjectID, _ b: ObjectID) throws -> ObjectID? {
        var base = git_oid()
        var aRaw = a.raw
        var bRaw = b.raw
        let result = git_merge_base(&base, handle, &aRaw, &bRaw)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "find merge base of \(a.short) and \(b.short)")
        return ObjectID(base)
    }

    /// Files that differ between the trees of two commits (`old` nil: the empty tree),
    /// sorted by path. No rename detection: a rename is a deletion plus an addition.
    public func changedPaths(from old: ObjectID?, to new: ObjectID) throws -> [PathChange] {
        let operation = "compare \(old?.short ?? "empty tree") with \(new.short)"
        let oldTree = try old.map(treeOf)
        let newTree = try treeOf(new)
        var changes: [PathChange] = []
        try forEachTreeDelta(from: oldTree, to: newTree, operation) { delta in
            switch delta.status {
            case GIT_DELTA_ADDED: changes.append(PathChange(path: String(cString: delta.new_file.path), kind: .added))
            case GIT_DELTA_DELETED: changes.append(PathChange(path: String(cString: delta.old_file.path), kind: .deleted))
            default: changes.append(PathChange(path: String(cString: delta.new_file.path), kind: .modified))
            }
        }
        return changes.sorted { gitOrder($0.path, $1.path) }
    }

    /// Whether the object database holds `id` (of any type).
    public func objectExists(_ id: ObjectID) -> Bool {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, handle) == 0 else { return false }
        defer { git_odb_free(odb) }
        var raw = id.raw
        return git_odb_exists(odb, &raw) == 1
    }

    /// The root tree of `commit`.
    public func treeOf(_ commit: ObjectID) throws -> ObjectID {
        try withCommit(commit, "read tree of \(commit.short)") { ObjectID(git_commit_tree_id($0).pointee) }
    }

    // MARK: Helpers

    func readBlob(_ id: git_oid, _ operation: @autoclosure () -> String) throws -> Data {
        var raw = id
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, handle, &raw), operation())
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return Data() }
        return Data(bytes: bytes, count: size)
    }

    /// Calls `visit` with the path, blob id and executable bit of every file below `directory`.
    func walkFiles(
        under directory: String, at commit: ObjectID, _ operation: String,
        _ visit: (String, git_oid, Bool) throws -> Void
    ) throws {
        let prefix = directory.split(separator: "/").joined(separator: "/")
        try withTree(ofCommit: commit, operation) { root in
            if prefix.isEmpty {
                try walkFiles(in: root, prefix: "", operation, visit)
                return
            }
            var entry: OpaquePointer?
            let result = git_tree_entry_bypath(&entry, root, prefix)
            if result == GIT_ENOTFOUND.rawValue { return }
            try check(result, operation)
            defer { git_tree_entry_free(entry) }
            guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return }
            try withTree(ObjectID(git_tree_entry_id(entry).pointee), operation) { subtree in
                try walkFiles(in: subtree!, prefix: prefix, operation, visit)
            }
        }
    }

    private func walkFiles(
        in tree: OpaquePointer, prefix: String, _ operation: String,
        _ visit: (String, git_oid, Bool) throws -> Void
    ) throws {
        for index in 0..<git_tree_entrycount(tree) {
            // Borrowed from `tree`: copy name and id before descending.
            let entry = git_tree_entry_byindex(tree, index)
            let name = String(cString: git_tree_entry_name(entry))
            let path = prefix.isEmpty ? name : prefix + "/" + name
            let id = git_tree_entry_id(entry).pointee
            switch git_tree_entry_type(entry) {
            case GIT_OBJECT_BLOB:
                try visit(path, id, git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB_EXECUTABLE)
            case GIT_OBJECT_TREE:
                try withTree(ObjectID(id), operation) { subtree in
                    try walkFiles(in: subtree!, prefix: path, operation, visit)
                }
            default:
                // Submodule links are commits of another repository, not files.
                continue
            }
        }
    }
}
