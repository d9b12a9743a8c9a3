import CCmark
import Foundation

/// Turns an answer's CommonMark into what a site shows: HTML that cannot
/// carry script, and plain text for places without markup.
///
/// Validation already refuses raw HTML and links other than https, http,
/// mailto, tel and sms. This renderer is the second wall: it always renders
/// with cmark's safe mode, which replaces raw HTML with a comment and empties
/// `javascript:`, `vbscript:`, `file:` and `data:` link targets, so content
/// that slipped past validation still cannot reach a page as markup.
public enum AnswerRenderer {
    /// cmark 0.30 is safe unless `CMARK_OPT_UNSAFE` is given; `CMARK_OPT_SAFE`
    /// is named too so an older cmark is safe as well.
    static let options: Int32 = CMARK_OPT_DEFAULT | CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8

    /// HTML for `markdown`, without raw HTML or unsafe link targets.
    public static func html(_ markdown: String) -> String {
        withDocument(markdown) { root in
            guard let rendered = cmark_render_html(root, options) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    /// The answer's words without markup: paragraphs separated by a blank
    /// line, list items as `- ` or `1. ` lines, links as their text, raw HTML dropped.
    public static func plainText(_ markdown: String) -> String {
        withDocument(markdown) { root in
            var writer = PlainTextWriter()
            writer.block(root)
            return writer.blocks.joined(separator: "\n\n")
        }
    }

    static func withDocument(_ markdown: String, _ body: (OpaquePointer) -> String) -> String {
        let bytes = Array(markdown.utf8)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
        guard let root = parsed else { return "" }
        defer { cmark_node_free(root) }
        return body(root)
    }
}

/// Collects a document's text block by block.
struct PlainTextWriter {
    var blocks: [String] = []

    mutating func block(_ node: OpaquePointer, listPrefix: String = "") {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE:
            for child in Self.children(node) { block(child) }
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            var number = Int(cmark_node_get_list_start(node))
            var items: [String] = []
            for item in Self.children(node) {
                var inner = PlainTextWriter()
                for child in Self.children(item) { inner.block(child) }
                let marker = ordered ? "\(number). " : "- "
                number += 1
                let text = inner.blocks.joined(separator: "\n")
                    .split(separator: "\n", omittingEmptySubsequences: false)
                    .enumerated().map { $0.offset == 0 ? marker + $0.element : "  " + $0.element }
                    .joined(separator: "\n")
                items.append(text)
            }
            blocks.append(items.joined(separator: "\n"))
        case CMARK_NODE_CODE_BLOCK:
            let literal = Self.literal(node)
            blocks.append(literal.hasSuffix("\n") ? String(literal.dropLast()) : literal)
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
            break
        default:
            var text = ""
            inline(node, into: &text)
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { blocks.append(trimmed) }
        }
    }

    func inline(_ node: OpaquePointer, into text: inout String) {
        for child in Self.children(node) {
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += Self.literal(child)
            case CMARK_NODE_SOFTBREAK: text += " "
            case CMARK_NODE_LINEBREAK: text += "\n"
            case CMARK_NODE_HTML_INLINE: break
            default: inline(child, into: &text)
            }
        }
    }

    /// A node's children in order.
    static func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }
}
