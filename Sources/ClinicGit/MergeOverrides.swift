import CLibGit2
import Foundation

/// Files a caller decides itself in a three-way merge, over what Git's line merge made of
/// them: the clinic's content is merged by records and fields above this layer, and only
/// the result is handed down as bytes.
public struct MergeOverrides: Sendable {
    /// Paths whose merged file is exactly these bytes (a regular file), conflict or not.
    public var files: [String: Data]
    /// Paths the merged tree has no file at, conflict or not.
    public var removed: Set<String>

    public init(files: [String: Data] = [:], removed: Set<String> = []) {
        self.files = files
        self.removed = removed
    }

    public static let none = MergeOverrides()
}

extension Repository {
    /// Sets each overridden path of a merge's in-memory index: the conflict on it (if any)
    /// is dropped and the file written as a blob of this repository (or removed).
    func apply(_ overrides: MergeOverrides, to index: OpaquePointer, _ operation: String) throws {
        for path in overrides.removed.sorted() {
            try dropConflict(path, in: index, operation)
            let removed = git_index_remove(index, path, 0)
            if removed != GIT_ENOTFOUND.rawValue { try check(removed, operation) }
        }
        for (path, bytes) in overrides.files.sorted(by: { $0.key < $1.key }) {
            try dropConflict(path, in: index, operation)
            var blob = git_oid()
            try bytes.withUnsafeBytes { raw in
                try check(git_blob_create_from_buffer(&blob, handle, raw.baseAddress, raw.count), operation)
            }
            var entry = git_index_entry()
            entry.mode = 0o100644
            entry.id = blob
            try path.withCString { name in
                entry.path = name
                try check(git_index_add(index, &entry), operation)
            }
        }
    }

    private func dropConflict(_ path: String, in index: OpaquePointer, _ operation: String) throws {
        let dropped = git_index_conflict_remove(index, path)
        if dropped != GIT_ENOTFOUND.rawValue { try check(dropped, operation) }
    }
}
