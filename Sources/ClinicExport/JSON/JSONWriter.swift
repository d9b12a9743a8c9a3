import Foundation

/// Writes a `JSONValue` in one stable form: two-space indentation, keys in
/// the value's order, a trailing newline, and every character that could end
/// a `<script>` element or a JavaScript string escaped.
///
/// `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026`, and U+2028 / U+2029
/// become `\u2028` / `\u2029`, in every file, so that any of them can be
/// pasted into an HTML page (`<script type="application/ld+json">`) as is.
/// Other non-ASCII characters are written as UTF-8.
///
/// The writer works on UTF-8 bytes into a `JSONOutput`, never on Swift
/// `String`s: appending a 30 MB document scalar by scalar to a `String` took
/// most of an export's time. `JSONStreamValue` lets a large document be
/// written while it is made, element by element.
public enum JSONWriter {
    /// The document's bytes, ending with a newline.
    public static func data(_ value: JSONValue) -> Data {
        data(.value(value))
    }

    /// The document's bytes, ending with a newline.
    public static func data(_ value: JSONStreamValue) -> Data {
        var data = Data()
        var out = JSONOutput { data.append(contentsOf: $0) }
        writeDocument(value, into: &out)
        _ = out.finish()
        return data
    }

    /// The document's text, ending with a newline.
    public static func string(_ value: JSONValue) -> String {
        String(decoding: data(value), as: UTF8.self)
    }

    /// Writes the whole document and its final newline.
    public static func writeDocument(_ value: JSONStreamValue, into out: inout JSONOutput) {
        write(value, depth: 0, into: &out)
        out.append(UInt8(ascii: "\n"))
    }

    static func write(_ value: JSONStreamValue, depth: Int, into out: inout JSONOutput) {
        switch value {
        case .value(let value): write(value, depth: depth, into: &out)
        case .object(let members):
            writeContainer(count: members.count, open: "{", close: "}", depth: depth, into: &out) { index, out in
                writeKey(members[index].0, into: &out)
                write(members[index].1, depth: depth + 1, into: &out)
            }
        case .array(let count, let element):
            writeContainer(count: count, open: "[", close: "]", depth: depth, into: &out) { index, out in
                write(element(index), depth: depth + 1, into: &out)
            }
        }
    }

    static func write(_ value: JSONValue, depth: Int, into out: inout JSONOutput) {
        switch value {
        case .null: out.append("null")
        case .bool(let flag): out.append(flag ? "true" : "false")
        case .int(let number): out.append(String(number))
        case .double(let number): out.append(format(number))
        case .string(let text): writeQuoted(text, into: &out)
        case .array(let values):
            writeContainer(count: values.count, open: "[", close: "]", depth: depth, into: &out) { index, out in
                write(values[index], depth: depth + 1, into: &out)
            }
        case .object(let pairs):
            writeContainer(count: pairs.count, open: "{", close: "}", depth: depth, into: &out) { index, out in
                writeKey(pairs[index].0, into: &out)
                write(pairs[index].1, depth: depth + 1, into: &out)
            }
        }
    }

    /// `[]` or `{}` when empty; else one element per line, indented one level deeper than `depth`.
    static func writeContainer(
        count: Int, open: Unicode.Scalar, close: Unicode.Scalar, depth: Int, into out: inout JSONOutput,
        element: (Int, inout JSONOutput) -> Void
    ) {
        out.append(UInt8(open.value))
        guard count > 0 else {
            out.append(UInt8(close.value))
            return
        }
        out.append(UInt8(ascii: "\n"))
        for index in 0..<count {
            out.appendSpaces(2 * (depth + 1))
            element(index, &out)
            if index < count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\n"))
        }
        out.appendSpaces(2 * depth)
        out.append(UInt8(close.value))
    }

    static func writeKey(_ key: String, into out: inout JSONOutput) {
        writeQuoted(key, into: &out)
        out.append(": ")
    }

    /// The shortest text that reads back as the same number; integral values without a fraction.
    static func format(_ number: Double) -> String {
        precondition(number.isFinite, "JSON has no NaN or infinity")
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return "\(number)"
    }

    /// `text` as a JSON string. Runs of bytes that need no escape are copied
    /// whole; U+2028 and U+2029 are the UTF-8 sequences E2 80 A8 and E2 80 A9.
    static func writeQuoted(_ text: String, into out: inout JSONOutput) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Nearly every byte needs no escape: test for the few that may, before anything else.
                guard
                    byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x7F
                        || byte == 0xE2,
                    let (escape, length) = escape(bytes, at: index)
                else {
                    index += 1
                    continue
                }
                if start < index { out.append(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                out.append(escape)
                index += length
                start = index
            }
            if start < bytes.count { out.append(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The escape for the character starting at `index` and how many bytes it replaces; nil when it is written as is.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (String, Int)? {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""): return ("\\\"", 1)
        case UInt8(ascii: "\\"): return ("\\\\", 1)
        case UInt8(ascii: "\n"): return ("\\n", 1)
        case UInt8(ascii: "\r"): return ("\\r", 1)
        case UInt8(ascii: "\t"): return ("\\t", 1)
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0x7F, 0..<0x20: return (unicodeEscape(UInt32(byte)), 1)
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
            return (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", 3)
        default: return nil
        }
    }

    static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
