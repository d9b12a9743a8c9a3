import CCmark
import Foundation

/// An FAQ answer's CommonMark, read by cmark: the one place the clinic's code
/// touches cmark, for both the safety check (validation) and the safe
/// rendering a site shows (export).
///
/// Validation refuses raw HTML, links other than https, http, mailto, tel
/// and sms, and embedded images: an image from another site is fetched from
/// it by every patient who opens the answer (a tracking pixel), and the bundle
/// has no images of its own to point at, so an answer links to a picture instead. Rendering is the second wall: it always uses cmark's safe mode,
/// which replaces raw HTML with a comment and empties `javascript:`,
/// `vbscript:`, `file:` and `data:` link targets, so content that slipped
/// past validation still cannot reach a page as markup.
public enum AnswerMarkdown {
    /// Something in an answer that a page must not carry, and where it stands.
    public struct Problem: Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            case rawHTML(String), linkScheme(String)
            /// An embedded image: the page would fetch it from its host when a patient reads the answer.
            case image(String)
        }
        public let kind: Kind
        /// 1-based line within the Markdown text.
        public let line: Int
        public let column: Int
    }

    /// Link schemes an answer may use.
    public static let allowedSchemes: Set<String> = ["https", "http", "mailto", "tel", "sms"]

    /// Raw HTML and links with a scheme outside `allowedSchemes`, in document order.
    public static func problems(in markdown: String) -> [Problem] {
        withDocument(markdown, options: CMARK_OPT_DEFAULT, []) { root in
            var problems: [Problem] = []
            guard let iterator = cmark_iter_new(root) else { return [] }
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let line = max(Int(cmark_node_get_start_line(node)), 1)
                let column = max(Int(cmark_node_get_start_column(node)), 1)
                switch cmark_node_get_type(node) {
                case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                    let literal = PlainTextWriter.literal(node)
                    problems.append(
                        Problem(kind: .rawHTML(literal.trimmingCharacters(in: .whitespacesAndNewlines)), line: line, column: column))
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    if !isAllowed(url) {
                        problems.append(Problem(kind: .linkScheme(url), line: line, column: column))
                    } else if cmark_node_get_type(node) == CMARK_NODE_IMAGE {
                        problems.append(Problem(kind: .image(url), line: line, column: column))
                    }
                default:
                    break
                }
            }
            return problems
        }
    }

    /// Whether cmark may be run on `markdown` at all.
    public static func isWithinLimit(_ markdown: String) -> Bool { markdown.utf8.count <= ContentLimits.markdownBytes }

    static func isAllowed(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon].lowercased()
        return allowedSchemes.contains(scheme) && !url.contains(where: { $0.isWhitespace })
    }

    /// cmark 0.30 is safe unless `CMARK_OPT_UNSAFE` is given; `CMARK_OPT_SAFE`
    /// is named too so an older cmark is safe as well.
    static let safeOptions: Int32 = CMARK_OPT_DEFAULT | CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8

    /// HTML for `markdown`, without raw HTML or unsafe link targets.
    public static func html(_ markdown: String) -> String {
        withDocument(markdown, options: safeOptions, "") { root in
            guard let rendered = cmark_render_html(root, safeOptions) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    /// The answer's words without markup: paragraphs separated by a blank
    /// line, list items as `- ` or `1. ` lines, links as their text, raw HTML dropped.
    public static func plainText(_ markdown: String) -> String {
        withDocument(markdown, options: safeOptions, "") { root in
            var writer = PlainTextWriter()
            writer.block(root)
            return writer.blocks.joined(separator: "\n\n")
        }
    }

    /// Parses `markdown` and hands its document node to `body`; `empty` when cmark cannot parse it,
    /// or when the text is over `ContentLimits.markdownBytes` (cmark's time grows faster than the
    /// input on some texts; validation refuses such an answer by its length without parsing it).
    static func withDocument<T>(_ markdown: String, options: Int32, _ empty: T, _ body: (OpaquePointer) -> T) -> T {
        guard isWithinLimit(markdown) else { return empty }
        let bytes = Array(markdown.utf8)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
        guard let root = parsed else { return empty }
        defer { cmark_node_free(root) }
        return body(root)
    }
}
