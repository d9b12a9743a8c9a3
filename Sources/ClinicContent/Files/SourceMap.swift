/// A position in a file, 1-based.
public struct SourcePosition: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// Which file each loaded record came from, and where each field stands in it,
/// so that validation can point at the exact line and column.
public struct SourceMap: Sendable {
    public var clinicFile = ""
    public var categoriesFile = ""
    public var socialFile = ""
    /// Parallel to `SiteContent.locations`, `.hours` and `.faq`.
    public var locationFiles: [String] = []
    public var hoursFiles: [String] = []
    public var faqFiles: [String] = []
    var positions: [String: [String: SourcePosition]] = [:]

    public init() {}

    mutating func record(_ file: String, _ field: String, _ position: SourcePosition) {
        positions[file, default: [:]][field] = position
    }

    /// Where `field` stands in `file`; falls back to its closest recorded parent, then 1:1.
    public func position(_ file: String, _ field: String) -> SourcePosition {
        var path = field
        while true {
            if let found = positions[file]?[path] { return found }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = String(path[..<cut])
        }
        return positions[file]?[""] ?? SourcePosition(line: 1, column: 1)
    }

    /// A finding at `field` of `file`.
    public func finding(
        _ severity: Finding.Severity, _ file: String, _ field: String, rule: String, _ message: String
    ) -> Finding {
        let at = position(file, field)
        return Finding(severity, file: file, line: at.line, column: at.column, field: field, rule: rule, message: message)
    }
}
