import CLibGit2
import Foundation

extension Repository {
    /// Walks the first-parent line from `tip` down to `stop` (not included),
    /// newest first, handing `visit` each commit and the files below
    /// `directory` it changed against its first parent (every file there for a
    /// commit without parent), repository-relative, in tree order.
    ///
    /// The same paths as `changedPaths(from:to:)` restricted to `directory`,
    /// found without a libgit2 diff: trees are read raw, a subtree whose id is
    /// the same on both sides is skipped, and equal entries are compared as
    /// bytes. A diff parsed both 5,000-entry FAQ trees of every commit and
    /// took most of the 17 s of a first `history` over 20,000 approvals; here
    /// each commit's tree is read once (it is its child's parent tree).
    ///
    /// Returns true when the walk reached `stop`, false when it ended at a commit without parent.
    public func firstParentChanges(
        from tip: ObjectID, downTo stop: ObjectID?, under directory: String, _ visit: (ObjectID, [String]) throws -> Void
    ) throws -> Bool {
        let reader = try RawObjectReader(self, "walk the first-parent history of \(tip.short)")
        let folders = directory.split(separator: "/").map { Array($0.utf8) }
        var next: (id: ObjectID, header: RawObjectReader.CommitHeader)? = (tip, try reader.commitHeader(tip))
        while let current = next, current.id != stop {
            let parent = try current.header.firstParent.map { ($0, try reader.commitHeader($0)) }
            let new = try reader.subtree(current.header.tree, at: folders)
            let old = try parent.flatMap { try reader.subtree($0.1.tree, at: folders) }
            var paths: [String] = []
            if new != old { try reader.compare(old, new, prefix: directory.isEmpty ? "" : directory + "/", into: &paths) }
            try visit(current.id, paths)
            reader.nextCommit()
            next = parent
        }
        return next != nil
    }
}

/// Reads commit headers and trees straight from the object database, keeping
/// the trees read for the last two commits (a commit's tree is its child's parent tree).
final class RawObjectReader {
    typealias RawID = [UInt8]

    struct CommitHeader {
        var tree: RawID
        var firstParent: ObjectID?
    }

    private let odb: OpaquePointer
    private let operation: String
    private var current: [RawID: [UInt8]] = [:]
    private var previous: [RawID: [UInt8]] = [:]

    init(_ repository: Repository, _ operation: String) throws {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, repository.handle), operation)
        self.odb = odb!
        self.operation = operation
    }

    deinit { git_odb_free(odb) }

    /// Forgets the trees of the commit before the last.
    func nextCommit() {
        previous = current
        current = [:]
    }

    /// A commit's tree and first parent, from the header lines Git writes first (`tree`, then `parent`s).
    func commitHeader(_ id: ObjectID) throws -> CommitHeader {
        var raw = id.raw
        let bytes = try read(&raw, GIT_OBJECT_COMMIT, "commit")
        let lines = bytes.prefix(200).split(separator: UInt8(ascii: "\n"), maxSplits: 2, omittingEmptySubsequences: false)
        func value(_ line: ArraySlice<UInt8>?, _ key: String) -> ObjectID? {
            guard let line, line.starts(with: Array((key + " ").utf8)) else { return nil }
            return ObjectID(hex: String(decoding: line.dropFirst(key.utf8.count + 1), as: UTF8.self))
        }
        guard let tree = value(lines.first, "tree") else { throw corrupt("commit \(id.short) has no tree line") }
        return CommitHeader(tree: Self.rawID(tree), firstParent: value(lines.dropFirst().first, "parent"))
    }

    /// The id of the tree at `folders` below `root`; nil where there is none.
    func subtree(_ root: RawID, at folders: [[UInt8]]) throws -> RawID? {
        var id = root
        for name in folders {
            let tree = try tree(id)
            let entries = try tree.withUnsafeBufferPointer { try RawTree.entries($0) }
            guard let entry = entries.first(where: { $0.isTree && Array(tree[$0.name]) == name }) else { return nil }
            id = Array(tree[entry.id])
        }
        return id
    }

    /// Appends to `paths` the files that differ between the trees `old` and `new` (nil: empty).
    func compare(_ old: RawID?, _ new: RawID?, prefix: String, into paths: inout [String]) throws {
        let oldTree = try old.map(tree) ?? []
        let newTree = try new.map(tree) ?? []
        var subtrees: [(RawID?, RawID?, String)] = []
        try oldTree.withUnsafeBufferPointer { a in
            try newTree.withUnsafeBufferPointer { b in
                try RawTree.differences(a, b) { x, y in
                    let entry = (x ?? y)!
                    let tree = x == nil ? b : a
                    let path = prefix + String(decoding: UnsafeBufferPointer(rebasing: tree[entry.name]), as: UTF8.self)
                    guard entry.isTree else { return paths.append(path) }
                    subtrees.append((x.map { Array(a[$0.id]) }, y.map { Array(b[$0.id]) }, path + "/"))
                }
            }
        }
        for (old, new, path) in subtrees { try compare(old, new, prefix: path, into: &paths) }
    }

    func tree(_ id: RawID) throws -> [UInt8] {
        if let known = current[id] ?? previous[id] {
            current[id] = known
            return known
        }
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { $0.copyBytes(from: id) }
        let bytes = try read(&oid, GIT_OBJECT_TREE, "tree")
        current[id] = bytes
        return bytes
    }

    private func read(_ oid: inout git_oid, _ type: git_object_t, _ typeName: String) throws -> [UInt8] {
        var object: OpaquePointer?
        try check(git_odb_read(&object, odb, &oid), operation)
        defer { git_odb_object_free(object) }
        guard git_odb_object_type(object) == type else { throw corrupt("object \(ObjectID(oid).short) is not a \(typeName)") }
        let size = git_odb_object_size(object)
        guard size > 0, let data = git_odb_object_data(object) else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: size))
    }

    private func corrupt(_ detail: String) -> GitError {
        GitError(code: .other, operation: operation, message: detail)
    }

    static func rawID(_ id: ObjectID) -> RawID {
        var oid = id.raw
        return withUnsafeBytes(of: &oid.id) { Array($0) }
    }
}
