import CCmark
import Foundation

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
            let trimmed = Self.trimmingSpaces(text)
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

    /// `text` without leading and trailing spaces and tabs (Unicode category Zs,
    /// as Foundation's `.whitespaces`): Foundation's trimming goes through
    /// NSString and took a tenth of an export of 5,000 answers.
    static func trimmingSpaces(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
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
