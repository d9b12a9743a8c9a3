import CCmark
import Foundation

/// What cmark sees in an answer: raw HTML and link destinations, with lines.
public enum MarkdownCheck {
    public struct Problem: Equatable, Sendable {
        public enum Kind: Equatable, Sendable { case rawHTML(String), linkScheme(String) }
        public let kind: Kind
        /// 1-based line within the Markdown text.
        public let line: Int
        public let column: Int
    }

    /// Link schemes an answer may use.
    public static let allowedSchemes: Set<String> = ["https", "http", "mailto", "tel", "sms"]

    public static func problems(in markdown: String) -> [Problem] {
        var problems: [Problem] = []
        let bytes = Array(markdown.utf8)
        guard let root = cmark_parse_document(bytes.map { CChar(bitPattern: $0) }, bytes.count, CMARK_OPT_DEFAULT) else {
            return []
        }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                problems.append(
                    Problem(
                        kind: .rawHTML(literal.trimmingCharacters(in: .whitespacesAndNewlines)), line: max(line, 1), column: max(column, 1))
                )
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if !isAllowed(url) {
                    problems.append(Problem(kind: .linkScheme(url), line: max(line, 1), column: max(column, 1)))
                }
            default:
                break
            }
        }
        return problems
    }

    static func isAllowed(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon].lowercased()
        return allowedSchemes.contains(scheme) && !url.contains(where: { $0.isWhitespace })
    }
}
