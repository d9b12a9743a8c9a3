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
    /// For each list that lost unreadable entries (`weekly`, `special[1].ranges`), the
    /// index in the file of each entry that was read, so findings name the real entry.
    var listIndices: [String: [String: [Int]]] = [:]

    public init() {}

    mutating func record(_ file: String, _ field: String, _ position: SourcePosition) {
        positions[file, default: [:]][field] = position
    }

    mutating func recordIndices(_ file: String, _ list: String, _ indices: [Int]) {
        listIndices[file, default: [:]][list] = indices
    }

    /// The field of the `index`th entry that was read from `list` in `file`:
    /// `weekly[2]` for the second range read when the file's `weekly[1]` was unreadable.
    public func entry(_ file: String, _ list: String, _ index: Int) -> String {
        let indices = listIndices[file]?[list] ?? []
        return "\(list)[\(index < indices.count ? indices[index] : index)]"
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

    /// A finding of `rule` at `field` of `file`.
    public func finding(_ rule: Rule, _ file: String, _ field: String, locale: String? = nil, _ message: String) -> Finding {
        let at = position(file, field)
        return Finding(rule, file: file, line: at.line, column: at.column, field: field, locale: locale, message: message)
    }
}
