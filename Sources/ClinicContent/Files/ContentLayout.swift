/// Where each kind of record lives inside the content directory.
public struct ContentLayout: Hashable, Sendable {
    /// Repository-relative folder holding the content (`content`), written plainly: every path
    /// made from it, and so every finding, names a file as it is in the repository.
    public let directory: String

    /// `./content/`, `content//` and `./content` are all `content`.
    public init(directory: String = "content") { self.directory = Self.plain(directory) }

    /// `directory` without `.` parts and empty ones; `.` when nothing else is left. An absolute
    /// path stays as it is, for the settings' check to refuse.
    static func plain(_ directory: String) -> String {
        guard !directory.hasPrefix("/") else { return directory }
        let parts = directory.split(separator: "/").filter { $0 != "." }
        return parts.isEmpty ? (directory.isEmpty ? directory : ".") : parts.joined(separator: "/")
    }

    public var clinicFile: String { "\(directory)/clinic.yaml" }
    public var categoriesFile: String { "\(directory)/categories.yaml" }
    public var socialFile: String { "\(directory)/social.yaml" }
    public var locationsDirectory: String { "\(directory)/locations" }
    public var hoursDirectory: String { "\(directory)/hours" }
    public var faqDirectory: String { "\(directory)/faq" }

    public func locationFile(_ id: String) -> String { "\(locationsDirectory)/\(id).yaml" }
    public func hoursFile(_ location: String) -> String { "\(hoursDirectory)/\(location).yaml" }
    public func faqFile(_ id: String) -> String { "\(faqDirectory)/\(id).md" }

    /// Whether `path` (repository-relative) is a file the content model reads as records:
    /// the clinic, categories and social files, a location or hours file, or an FAQ entry.
    /// Anything else under the content folder (notes, documentation, `FAQ/x.md` spelled
    /// in other letters) is published by nobody, so a review names it as another file.
    public func holdsRecords(_ path: String) -> Bool {
        if path == clinicFile || path == categoriesFile || path == socialFile { return true }
        let prefix = directory + "/"
        guard path.hasPrefix(prefix), !isDocumentation(path) else { return false }
        let parts = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty else { return false }
        switch parts[0] {
        case "locations", "hours": return parts[1].hasSuffix(".yaml")
        case "faq": return parts[1].hasSuffix(".md")
        default: return false
        }
    }

    /// Files in the content directory that are documentation, not content.
    func isDocumentation(_ path: String) -> Bool {
        // Asked of every file of every load: no array of path parts, and only the first six
        // characters upper-cased (each character upper-cases to one or more, so these decide).
        let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
        return name.prefix(6).uppercased().hasPrefix("README") || name == ".gitkeep" || name == ".keep"
    }
}
