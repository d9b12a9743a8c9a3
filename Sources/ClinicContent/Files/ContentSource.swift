import Foundation

/// Where content files are read from: a folder on disk or a Git revision.
///
/// Loading reads only through this, so validating the working tree and
/// validating the published branch run the same code.
public protocol ContentSource: Sendable {
    /// The file's bytes, or nil when there is no such file. Paths are
    /// repository-relative and `/`-separated.
    func read(_ path: String) throws -> Data?
    /// Every file below `directory`, recursively, repository-relative, sorted.
    func list(under directory: String) throws -> [String]
}

/// Reads a repository's files as they are on disk.
public struct FolderSource: ContentSource {
    public let root: URL
    public init(root: URL) { self.root = root }

    public func read(_ path: String) throws -> Data? {
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try Data(contentsOf: url)
    }

    public func list(under directory: String) throws -> [String] {
        let base = root.appendingPathComponent(directory)
        guard
            let walker = FileManager.default.enumerator(
                at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var paths: [String] = []
        let prefix = base.standardizedFileURL.path
        for case let url as URL in walker
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(prefix.count + 1))
            paths.append(directory.isEmpty ? relative : "\(directory)/\(relative)")
        }
        return paths.sorted()
    }
}

/// Files held in memory: content being edited before it is committed.
public struct InMemorySource: ContentSource {
    public var files: [String: Data]
    public init(files: [String: Data]) { self.files = files }

    public func read(_ path: String) throws -> Data? { files[path] }

    public func list(under directory: String) throws -> [String] {
        let prefix = directory.isEmpty ? "" : directory + "/"
        return files.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
