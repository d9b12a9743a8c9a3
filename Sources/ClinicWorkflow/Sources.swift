import ClinicContent
import ClinicGit
import Foundation

/// Reads content files as they are in one commit.
///
/// Listing a folder reads every file in it in one walk of the tree, and later
/// reads are served from that: looking files up one by one makes libgit2
/// re-read a large folder's tree for each file (its cache keeps only small
/// trees), which made loading 1,000 FAQ entries quadratic.
public struct GitRevisionSource: ContentSource {
    let repository: Repository
    public let commit: ObjectID
    private let cache = FileCache()

    public init(repository: Repository, commit: ObjectID) {
        self.repository = repository
        self.commit = commit
    }

    public func read(_ path: String) throws -> Data? {
        if let cached = cache.file(path) { return cached }
        return try repository.readFile(path, at: commit)
    }

    public func list(under directory: String) throws -> [String] {
        let files = try repository.readFiles(under: directory, at: commit)
        cache.store(files)
        return files.keys.sorted()
    }

    public func specialFiles(under directory: String) throws -> [String: SpecialFile] {
        try repository.unusualModes(under: directory, at: commit).compactMapValues { SpecialFile(mode: $0) }
    }

    /// Files already read, shared by copies of the source.
    final class FileCache: @unchecked Sendable {
        private var files: [String: Data] = [:]
        private let lock = NSLock()
        func file(_ path: String) -> Data? { lock.withLock { files[path] } }
        func store(_ more: [String: Data]) { lock.withLock { files.merge(more) { _, new in new } } }
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

    /// The base's special files; an edit writes plain files, and keeps an executable one executable.
    public func specialFiles(under directory: String) throws -> [String: SpecialFile] {
        try base.specialFiles(under: directory).filter { path, _ in changes[path].map { $0 != nil } ?? true }
    }
}

/// Reads content files as a merge computed in memory left them: a draft as it
/// would be published, before anything is written.
public struct MergedIndexSource: ContentSource {
    let merged: MergedIndex

    public init(_ merged: MergedIndex) {
        self.merged = merged
    }

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
