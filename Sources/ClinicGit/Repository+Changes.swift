import CLibGit2
import Foundation

/// How Git records an entry of a tree.
public enum FileMode: String, Hashable, Sendable, Codable {
    case regular = "100644"
    case executable = "100755"
    case symlink = "120000"
    /// A submodule: a commit of another repository.
    case submodule = "160000"
    case other

    init(_ mode: UInt32) {
        switch mode {
        case 0o100644: self = .regular
        case 0o100755: self = .executable
        case 0o120000: self = .symlink
        case 0o160000: self = .submodule
        default: self = .other
        }
    }
}

/// One side of a changed path: its mode and object.
public struct FileVersion: Hashable, Sendable {
    public let mode: FileMode
    /// The blob (or, for a submodule, the commit) the tree records.
    public let object: ObjectID
    public let size: Int
    /// The bytes of a blob (for a symlink: its target); nil for a submodule.
    public let contents: Data?
}

/// A path that differs between two trees, with both versions (nil: absent on that side).
public struct FileDifference: Hashable, Sendable {
    public let path: String
    public let old: FileVersion?
    public let new: FileVersion?
}

extension Repository {
    /// Every path whose mode or object differs between the trees of two commits
    /// (submodules, symlinks and mode-only changes included), sorted by path.
    public func fileDifferences(from old: ObjectID, to new: ObjectID) throws -> [FileDifference] {
        try fileDifferences(fromTree: try treeOf(old), toTree: try treeOf(new), "compare \(old.short) with \(new.short) file by file")
    }

    /// `fileDifferences(from:to:)` between two trees.
    func fileDifferences(fromTree oldTree: ObjectID, toTree newTree: ObjectID, _ operation: String) throws -> [FileDifference] {
        var raw: [(String, git_diff_file?, git_diff_file?)] = []
        try forEachTreeDelta(from: oldTree, to: newTree, operation) { delta in
            let path = String(cString: (delta.status == GIT_DELTA_DELETED ? delta.old_file : delta.new_file).path)
            raw.append(
                (path, delta.status == GIT_DELTA_ADDED ? nil : delta.old_file, delta.status == GIT_DELTA_DELETED ? nil : delta.new_file))
        }
        return try raw.map { path, old, new in
            FileDifference(path: path, old: try old.map { try version($0, operation) }, new: try new.map { try version($0, operation) })
        }.sorted { gitOrder($0.path, $1.path) }
    }

    private func version(_ file: git_diff_file, _ operation: String) throws -> FileVersion {
        let mode = FileMode(UInt32(file.mode))
        let object = ObjectID(file.id)
        guard mode != .submodule else { return FileVersion(mode: mode, object: object, size: 0, contents: nil) }
        let data = try readBlob(file.id, operation)
        return FileVersion(mode: mode, object: object, size: data.count, contents: data)
    }

    /// Every commit reachable from `tip` and not from `excluded`, all parents
    /// followed (merges included), newest first. No cap: a draft's author set
    /// must be complete to be trusted.
    public func commits(reachableFrom tip: ObjectID, excluding excluded: ObjectID?) throws -> [CommitInfo] {
        let operation = "list commits of \(tip.short) not in \(excluded?.short ?? "nothing")"
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, handle), operation)
        defer { git_revwalk_free(walk) }
        try check(git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue), operation)
        var tipRaw = tip.raw
        try check(git_revwalk_push(walk, &tipRaw), operation)
        if var hidden = excluded?.raw { try check(git_revwalk_hide(walk, &hidden), operation) }
        var result: [CommitInfo] = []
        var next = git_oid()
        while true {
            let status = git_revwalk_next(&next, walk)
            if status == GIT_ITEROVER.rawValue { break }
            try check(status, operation)
            result.append(try commit(ObjectID(next)))
        }
        return result
    }
}

extension Repository {
    /// The mode of every entry below `directory` that is not a plain file
    /// (executables, symlinks, submodules), keyed by repository-relative path.
    /// "" looks at the whole tree; an absent directory gives [:].
    public func unusualModes(under directory: String, at commit: ObjectID) throws -> [String: FileMode] {
        let operation = "read file modes under '\(directory)' at \(commit.short)"
        let prefix = directory.split(separator: "/").joined(separator: "/")
        var modes: [String: FileMode] = [:]
        try withTree(ofCommit: commit, operation) { root in
            guard !prefix.isEmpty else { return try collectModes(in: root, prefix: "", operation, into: &modes) }
            var entry: OpaquePointer?
            let result = git_tree_entry_bypath(&entry, root, prefix)
            if result == GIT_ENOTFOUND.rawValue { return }
            try check(result, operation)
            defer { git_tree_entry_free(entry) }
            let mode = FileMode(UInt32(git_tree_entry_filemode(entry).rawValue))
            guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else {
                if mode != .regular { modes[prefix] = mode }
                return
            }
            try withTree(ObjectID(git_tree_entry_id(entry).pointee), operation) { subtree in
                try collectModes(in: subtree!, prefix: prefix, operation, into: &modes)
            }
        }
        return modes
    }

    private func collectModes(in tree: OpaquePointer, prefix: String, _ operation: String, into modes: inout [String: FileMode]) throws {
        for index in 0..<git_tree_entrycount(tree) {
            let entry = git_tree_entry_byindex(tree, index)
            let path = (prefix.isEmpty ? "" : prefix + "/") + String(cString: git_tree_entry_name(entry))
            if git_tree_entry_type(entry) == GIT_OBJECT_TREE {
                try withTree(ObjectID(git_tree_entry_id(entry).pointee), operation) { subtree in
                    try collectModes(in: subtree!, prefix: path, operation, into: &modes)
                }
                continue
            }
            let mode = FileMode(UInt32(git_tree_entry_filemode(entry).rawValue))
            if mode != .regular { modes[path] = mode }
        }
    }
}
