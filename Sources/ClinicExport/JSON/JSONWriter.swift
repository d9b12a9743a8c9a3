import Foundation

/// Writes a `JSONValue` in one stable form: two-space indentation, keys in
/// the value's order, a trailing newline, and every character that could end
/// a `<script>` element or a JavaScript string escaped.
///
/// `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026`, and U+2028 / U+2029
/// become `\u2028` / `\u2029`, in every file, so that any of them can be
/// pasted into an HTML page (`<script type="application/ld+json">`) as is.
/// Other non-ASCII characters are written as UTF-8.
public enum JSONWriter {
    /// The document's bytes, ending with a newline.
    public static func data(_ value: JSONValue) -> Data { Data(string(value).utf8) }

    /// The document's text, ending with a newline.
    public static func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: "", into: &out)
        out += "\n"
        return out
    }

    static func write(_ value: JSONValue, indent: String, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .double(let number): out += format(number)
        case .string(let text): out += quoted(text)
        case .array(let values):
            guard !values.isEmpty else {
                out += "[]"
                return
            }
            let inner = indent + "  "
            out += "[\n"
            for (index, element) in values.enumerated() {
                out += inner
                write(element, indent: inner, into: &out)
                out += index == values.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else {
                out += "{}"
                return
            }
            let inner = indent + "  "
            out += "{\n"
            for (index, (key, element)) in pairs.enumerated() {
                out += inner + quoted(key) + ": "
                write(element, indent: inner, into: &out)
                out += index == pairs.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    /// The shortest text that reads back as the same number; integral values without a fraction.
    static func format(_ number: Double) -> String {
        precondition(number.isFinite, "JSON has no NaN or infinity")
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return "\(number)"
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += unicodeEscape(scalar.value)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += unicodeEscape(scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
