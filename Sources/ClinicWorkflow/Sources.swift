import ClinicContent
internal import ClinicGit
import Foundation

/// Reads content files as they are in one commit.
///
/// Listing a folder reads its trees only, keeping each file's blob id: a file is
/// read by that id when asked for, and one the record cache remembers is never
/// read at all. Looking files up one by one made libgit2 re-read a large folder's
/// tree for each file (its cache keeps only small trees), which made loading
/// 1,000 FAQ entries quadratic.
struct GitRevisionSource: ContentSource {
    let repository: Repository
    public let commit: ObjectID
    public let records: RecordCache?
    private let cache = BlobIDs()

    public init(repository: Repository, commit: ObjectID, records: RecordCache? = nil) {
        self.repository = repository
        self.commit = commit
        self.records = records
    }

    public func read(_ path: String) throws -> Data? {
        if let blob = cache.id(path) { return try repository.readBlob(blob) }
        return try repository.readFile(path, at: commit)
    }

    public func list(under directory: String) throws -> [String] {
        let ids = try repository.fileIDs(under: directory, at: commit)
        cache.store(ids)
        return ids.keys.sorted()
    }

    public func contentID(_ path: String) -> String? { cache.id(path)?.hex }

    public func specialFiles(under directory: String) throws -> [String: SpecialFile] {
        try repository.unusualModes(under: directory, at: commit).compactMapValues { SpecialFile(mode: $0) }
    }

    /// Blob ids of the files listed so far, shared by copies of the source.
    final class BlobIDs: @unchecked Sendable {
        private var ids: [String: ObjectID] = [:]
        private let lock = NSLock()
        func id(_ path: String) -> ObjectID? { lock.withLock { ids[path] } }
        func store(_ more: [String: ObjectID]) { lock.withLock { ids.merge(more) { _, new in new } } }
    }
}

/// A source with some files replaced or removed: the content an edit would produce.
public struct OverlaySource: ContentSource {
    let base: any ContentSource
    /// New bytes per path; nil removes the file.
    let changes: [String: Data?]

    public init(base: any ContentSource, changes: [String: Data?]) {
        self.base = base
        self.changes = changes
    }

    public func read(_ path: String) throws -> Data? {
        if let change = changes[path] { return change }
        return try base.read(path)
    }

    public func list(under directory: String) throws -> [String] {
        let prefix = directory.isEmpty ? "" : directory + "/"
        var paths = Set(try base.list(under: directory))
        for (path, data) in changes where path.hasPrefix(prefix) {
            if data == nil { paths.remove(path) } else { paths.insert(path) }
        }
        return paths.sorted()
    }

    /// A changed file's bytes are new: only an unchanged one keeps the base's id.
    public func contentID(_ path: String) -> String? { changes[path] == nil ? base.contentID(path) : nil }
    public var records: RecordCache? { base.records }

    /// The base's special files; an edit writes plain files, and keeps an executable one executable.
    public func specialFiles(under directory: String) throws -> [String: SpecialFile] {
        try base.specialFiles(under: directory).filter { path, _ in changes[path].map { $0 != nil } ?? true }
    }
}

/// Reads content files as a merge computed in memory left them: a draft as it
/// would be published, before anything is written.
struct MergedIndexSource: ContentSource {
    let merged: MergedIndex
    public let records: RecordCache?
    private let blobs: [String: ObjectID]

    public init(_ merged: MergedIndex, records: RecordCache? = nil) {
        self.merged = merged
        self.records = records
        // A conflicted path has no single blob: it is read, never looked up in the cache.
        let conflicted = Set(merged.conflicts.map(\.path))
        self.blobs = Dictionary(
            merged.entries.filter { !conflicted.contains($0.path) }.map { ($0.path, $0.blob) }, uniquingKeysWith: { _, last in last })
    }

    public func contentID(_ path: String) -> String? { blobs[path]?.hex }

    public func read(_ path: String) throws -> Data? {
        try merged.contents(of: path)
    }

    public func list(under directory: String) throws -> [String] {
        let prefix = directory.isEmpty ? "" : directory.split(separator: "/").joined(separator: "/") + "/"
        // A submodule is a commit of another repository, not a file, as in GitRevisionSource.
        return merged.entries.filter { $0.path.hasPrefix(prefix) && $0.mode != 0o160000 }.map(\.path).sorted()
    }

    public func specialFiles(under directory: String) throws -> [String: SpecialFile] {
        let prefix = directory.isEmpty ? "" : directory.split(separator: "/").joined(separator: "/") + "/"
        var found: [String: SpecialFile] = [:]
        for entry in merged.entries where entry.path.hasPrefix(prefix) {
            found[entry.path] = SpecialFile(mode: FileMode(rawValue: String(entry.mode, radix: 8)) ?? .other)
        }
        return found
    }
}

extension SpecialFile {
    /// The special kind of an entry with Git mode `mode`; nil for a plain file.
    init?(mode: FileMode) {
        switch mode {
        case .executable: self = .executable
        case .symlink: self = .symlink
        case .submodule: self = .submodule
        case .regular, .other: return nil
        }
    }
}
