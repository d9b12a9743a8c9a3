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

    /// The bytes of the blob `id`.
    public func readBlob(_ id: ObjectID) throws -> Data {
        try readBlob(id.raw, "read blob \(id.short)")
    }
}
