import Plot

// Plot escapes `<` and `>` in text, but passes an existing entity such as
// `&amp;` through unchanged (so a question that says "&lt;" would show "<"),
// and writes attribute values as they are, so a `"` in a URL would end the
// attribute. These two helpers close both gaps; page code never calls
// `.text` or `.attribute(named:value:)` with content directly.
extension Node {
    /// Words shown as they are written: every `&` becomes `&amp;` first, then
    /// Plot escapes `<` and `>`.
    static func words(_ text: String) -> Node {
        .text(text.replacingOccurrences(of: "&", with: "&amp;"))
    }

    /// An attribute whose value cannot leave its quotes.
    static func safeAttribute(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: Escaping.attribute(value), ignoreIfValueIsEmpty: false)
    }
}

extension Attribute {
    /// An attribute whose value cannot leave its quotes, for elements such as
    /// `<link>` that take attributes only.
    static func safe(_ name: String, _ value: String) -> Attribute {
        .attribute(named: name, value: Escaping.attribute(value))
    }
}

enum Escaping {
    /// `&`, `"`, `'`, `<` and `>` as character references.
    static func attribute(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }

    /// JSON made safe inside `<script>`: `<`, `>`, `&`, U+2028 and U+2029 as
    /// `\u` escapes. The exporter already writes them so (docs/bundle.md);
    /// doing it again here costs nothing and keeps a hand-edited file from
    /// closing the script element. Only characters inside JSON strings can be
    /// these, so the JSON's value is unchanged.
    static func scriptJSON(_ json: String) -> String {
        var out = ""
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Only web links become `href`s; anything else is shown as text.
    static func isWebLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }
}
