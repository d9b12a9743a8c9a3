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
    /// Entries below `directory` that are not plain files (links, executables,
    /// submodules), which validation refuses inside the content folder.
    func specialFiles(under directory: String) throws -> [String: SpecialFile]
    /// A name for the file's exact bytes (its Git blob id) when it is known without
    /// reading them; nil otherwise. Only a source that can vouch for it gives one.
    func contentID(_ path: String) -> String?
    /// Where records read from this source are remembered between runs; nil for none.
    var records: RecordCache? { get }
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

/// An entry of the content folder that is not a plain file.
public enum SpecialFile: String, Sendable, Hashable {
    case executable = "an executable file"
    case symlink = "a symbolic link"
    case submodule = "a submodule (another repository)"
}

extension ContentSource {
    /// In-memory sources hold plain files only.
    public func specialFiles(under directory: String) throws -> [String: SpecialFile] { [:] }
    /// Files on disk or in memory have no id known without reading them.
    public func contentID(_ path: String) -> String? { nil }
    public var records: RecordCache? { nil }
}

extension FolderSource {
    /// Symlinks, executables and nested repositories below `directory`, read without following links.
    public func specialFiles(under directory: String) throws -> [String: SpecialFile] {
        let fm = FileManager.default
        let base = root.appendingPathComponent(directory).path
        guard let names = fm.enumerator(atPath: base) else { return [:] }
        var found: [String: SpecialFile] = [:]
        for case let name as String in names {
            let path = base + "/" + name
            let relative = directory.isEmpty ? name : "\(directory)/\(name)"
            guard let attributes = try? fm.attributesOfItem(atPath: path) else { continue }
            switch attributes[.type] as? FileAttributeType {
            case .typeSymbolicLink?: found[relative] = .symlink
            case .typeDirectory? where fm.fileExists(atPath: path + "/.git"):
                found[relative] = .submodule
                names.skipDescendants()
            case .typeRegular? where ((attributes[.posixPermissions] as? Int) ?? 0) & 0o111 != 0:
                found[relative] = .executable
            default: continue
            }
        }
        return found
    }
}
