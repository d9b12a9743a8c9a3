import ClinicContent
import ClinicGit
import Foundation

/// Reads content files as they are in one commit.
public struct GitRevisionSource: ContentSource {
    let repository: Repository
    public let commit: ObjectID

    public init(repository: Repository, commit: ObjectID) {
        self.repository = repository
        self.commit = commit
    }

    public func read(_ path: String) throws -> Data? { try repository.readFile(path, at: commit) }
    public func list(under directory: String) throws -> [String] { try repository.listFiles(under: directory, at: commit) }
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
}
