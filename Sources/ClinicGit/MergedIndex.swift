import CLibGit2
import Foundation

/// A three-way merge of two commits held in memory only, to be read and never kept.
///
/// libgit2's merge writes the blob of every file it merges line by line into the object
/// database. For a merge that is only looked at (a reviewer's preview) that would be a
/// write on a read: it fails on a read-only repository and leaves loose objects behind.
/// So the merge runs on a second handle on the same repository whose object database
/// sends every write to an in-memory store first; this value owns that handle, so the
/// merged blobs stay readable for as long as it lives, and vanish with it.
public final class MergedIndex: @unchecked Sendable {
    /// A file of the merged content (stage 0 of the index).
    public struct Entry: Equatable, Sendable {
        public let path: String
        /// The Git file mode: 0o100644, 0o100755, 0o120000 (symbolic link).
        public let mode: UInt32
        public let blob: ObjectID

        public init(path: String, mode: UInt32, blob: ObjectID) {
            self.path = path
            self.mode = mode
            self.blob = blob
        }
    }

    /// A path both sides changed in ways the merge cannot combine; nil where a side has no file.
    public struct Conflict: Equatable, Sendable {
        public let path: String
        public let ancestor: ObjectID?
        public let ours: ObjectID?
        public let theirs: ObjectID?

        public init(path: String, ancestor: ObjectID?, ours: ObjectID?, theirs: ObjectID?) {
            self.path = path
            self.ancestor = ancestor
            self.ours = ours
            self.theirs = theirs
        }
    }

    /// The merged files, in Git's path order (conflicted paths are not among them).
    public let entries: [Entry]
    /// Empty when the merge is clean; in Git's path order otherwise.
    public let conflicts: [Conflict]
    /// The merged tree's id (held in memory, like the merged blobs); nil when the merge conflicts.
    /// A merge commit made from the same two parents has exactly this tree.
    public let tree: ObjectID?
    private let scratch: Repository
    private let blobs: [String: ObjectID]

    init(scratch: Repository, entries: [Entry], conflicts: [Conflict], tree: ObjectID?) {
        self.scratch = scratch
        self.entries = entries
        self.conflicts = conflicts
        self.tree = tree
        self.blobs = Dictionary(entries.map { ($0.path, $0.blob) }, uniquingKeysWith: { _, last in last })
    }

    public var hasConflicts: Bool { !conflicts.isEmpty }

    /// Every path that is in conflict on any side (a rename gives each side its own path).
    public var conflictedPaths: [String] {
        Set(conflicts.map(\.path)).sorted(by: gitOrder)
    }

    /// Every path whose mode or object differs between the tree of `commit` and the merged
    /// tree, as `Repository.fileDifferences`: what making this merge on `commit` changes.
    /// Nil when the merge conflicts.
    public func fileDifferences(from commit: ObjectID) throws -> [FileDifference]? {
        guard let tree else { return nil }
        let operation = "compare \(commit.short) with its merge file by file"
        return try scratch.fileDifferences(fromTree: try scratch.treeOf(commit), toTree: tree, operation)
    }

    /// The merged bytes of the file at `path`; nil when the merged content has no file there.
    public func contents(of path: String) throws -> Data? {
        guard let blob = blobs[path] else { return nil }
        return try scratch.readBlob(blob.raw, "read merged \(path)")
    }
}

extension Repository {
    /// Merges `theirs` into `ours` (their merge base as the ancestor) without writing
    /// anything to the repository: no tree, no commit, no blob, no reference.
    /// `overrides` decide their paths instead of the line merge, as in `merge`.
    public func mergedIndex(ours: ObjectID, theirs: ObjectID, overriding overrides: MergeOverrides = .none) throws -> MergedIndex {
        let operation = "merge \(theirs.short) into \(ours.short) in memory"
        let scratch = try scratchWithMemoryWrites(operation)
        return try scratch.withCommit(ours, operation) { our in
            try scratch.withCommit(theirs, operation) { their in
                var options = git_merge_options()
                try check(git_merge_options_init(&options, UInt32(GIT_MERGE_OPTIONS_VERSION)), operation)
                var index: OpaquePointer?
                try check(git_merge_commits(&index, scratch.handle, our, their, &options), operation)
                defer { git_index_free(index) }
                try scratch.apply(overrides, to: index!, operation)
                let (entries, conflicts) = try Self.readIndex(index!, operation)
                var tree: ObjectID?
                if conflicts.isEmpty {
                    // Written to the scratch handle's in-memory store, like the merged blobs.
                    var raw = git_oid()
                    try check(git_index_write_tree_to(&raw, index, scratch.handle), operation)
                    tree = ObjectID(raw)
                }
                return MergedIndex(scratch: scratch, entries: entries, conflicts: conflicts, tree: tree)
            }
        }
    }

    /// A second handle on this repository whose object writes land in memory: an in-memory
    /// backend with the highest priority takes every write, while reads still find the
    /// repository's own objects.
    private func scratchWithMemoryWrites(_ operation: String) throws -> Repository {
        var raw: OpaquePointer?
        if openedFromEnvironment {
            // A server hook: the pushed objects are in quarantine, named by the environment.
            try check(git_repository_open_ext(&raw, nil, GIT_REPOSITORY_OPEN_FROM_ENV.rawValue, nil), operation)
        } else {
            try check(git_repository_open(&raw, git_repository_path(handle)), operation)
        }
        let scratch = Repository(handle: raw!, openedFromEnvironment: openedFromEnvironment)
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, scratch.handle), operation)
        defer { git_odb_free(odb) }
        var memory: UnsafeMutablePointer<git_odb_backend>?
        try check(git_mempack_new(&memory), operation)
        // On success the object database owns the backend and frees it with itself.
        let added = git_odb_add_backend(odb, memory, 1_000)
        if added < 0 { memory?.pointee.free?(memory) }
        try check(added, operation)
        return scratch
    }

    private static func readIndex(_ index: OpaquePointer, _ operation: String) throws -> ([MergedIndex.Entry], [MergedIndex.Conflict]) {
        var entries: [MergedIndex.Entry] = []
        for position in 0..<git_index_entrycount(index) {
            guard let entry = git_index_get_byindex(index, position), git_index_entry_stage(entry) == 0 else { continue }
            entries.append(
                MergedIndex.Entry(path: String(cString: entry.pointee.path), mode: entry.pointee.mode, blob: ObjectID(entry.pointee.id)))
        }
        var conflicts: [MergedIndex.Conflict] = []
        guard git_index_has_conflicts(index) != 0 else { return (entries.sorted { gitOrder($0.path, $1.path) }, []) }
        try forEachIndexConflict(in: index, operation) { conflict in
            let (ancestor, our, their) = conflict
            // Renames can give each side its own path: one conflict per path named.
            let sides = [ancestor, our, their]
            for path in Set(sides.compactMap { $0.map { String(cString: $0.pointee.path) } }) {
                func side(_ entry: UnsafePointer<git_index_entry>?) -> ObjectID? {
                    entry.flatMap { String(cString: $0.pointee.path) == path ? ObjectID($0.pointee.id) : nil }
                }
                conflicts.append(MergedIndex.Conflict(path: path, ancestor: side(ancestor), ours: side(our), theirs: side(their)))
            }
        }
        return (entries.sorted { gitOrder($0.path, $1.path) }, conflicts.sorted { gitOrder($0.path, $1.path) })
    }
}
