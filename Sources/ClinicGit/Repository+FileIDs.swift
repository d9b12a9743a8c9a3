import CLibGit2
import Foundation

/// Reading a revision as trees first: the ids name each file's bytes, which are
/// read only when needed (a file the record cache knows never is).
extension Repository {
    /// The blob id of every file below `directory` (as `listFiles`), keyed by path: the
    /// tree alone is read, no file's bytes.
    public func fileIDs(under directory: String, at commit: ObjectID) throws -> [String: ObjectID] {
        var ids: [String: ObjectID] = [:]
        try walkFiles(under: directory, at: commit, "list files under '\(directory)' at \(commit.short)") { path, blob, _ in
            ids[path] = ObjectID(blob)
        }
        return ids
    }

    /// The id of the tree at `directory` (a `/`-separated path, "" for the top) in
    /// `commit`: it names every file below it, with its mode. Nil when there is no
    /// folder there (absent, or a file).
    public func treeID(of directory: String, at commit: ObjectID) throws -> ObjectID? {
        let operation = "read the tree of '\(directory)' at \(commit.short)"
        return try withTree(ofCommit: commit, operation) { root in
            if directory.isEmpty { return ObjectID(git_tree_id(root).pointee) }
            var entry: OpaquePointer?
            let result = git_tree_entry_bypath(&entry, root, directory)
            if result == GIT_ENOTFOUND.rawValue { return nil }
            try check(result, operation)
            defer { git_tree_entry_free(entry) }
            guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
            return ObjectID(git_tree_entry_id(entry).pointee)
        }
    }

    /// The bytes of the blob `id`.
    public func readBlob(_ id: ObjectID) throws -> Data {
        try readBlob(id.raw, "read blob \(id.short)")
    }
}
