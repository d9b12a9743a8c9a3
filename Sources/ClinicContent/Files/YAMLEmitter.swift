import Foundation

/// The few YAML shapes content files use, emitted in one canonical form.
///
/// Hand-written rather than Yams' emitter so that the form is exactly the one
/// documented in docs/content-format.md: stable key order, 2-space indents,
/// flow style for short lists, quotes only where YAML would misread a value.
indirect enum YAMLValue: Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    /// A short list of single values, written `[a, b]`.
    case flow([String])
    case list([YAMLValue])
    case map([(String, YAMLValue)])

    static func == (a: YAMLValue, b: YAMLValue) -> Bool { YAMLEmitter.emit(a) == YAMLEmitter.emit(b) }
}

enum YAMLEmitter {
    /// The document for a top-level mapping; ends with a newline.
    static func emit(_ value: YAMLValue) -> String {
        var out = ""
        switch value {
        case .map(let pairs): writeMap(pairs, indent: 0, into: &out)
        case .list(let items): writeList(items, indent: 0, into: &out)
        default: out = scalar(value) + "\n"
        }
        return out
    }

    private static func writeMap(_ pairs: [(String, YAMLValue)], indent: Int, into out: inout String, firstInline: Bool = false) {
        let pad = String(repeating: " ", count: indent)
        for (index, (key, value)) in pairs.enumerated() {
            let lead = firstInline && index == 0 ? "" : pad
            switch value {
            case .map(let inner):
                out += "\(lead)\(key):\n"
                writeMap(inner, indent: indent + 2, into: &out)
            case .list(let items):
                out += "\(lead)\(key):\n"
                writeList(items, indent: indent + 2, into: &out)
            case .string(let text) where text.contains("\n"):
                out += "\(lead)\(key): \(literalBlock(text, indent: indent + 2))"
            default:
                out += "\(lead)\(key): \(scalar(value))\n"
            }
        }
    }

    private static func writeList(_ items: [YAMLValue], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            switch item {
            case .map(let pairs):
                out += "\(pad)- "
                writeMap(pairs, indent: indent + 2, into: &out, firstInline: true)
            case .list(let inner):
                out += "\(pad)-\n"
                writeList(inner, indent: indent + 2, into: &out)
            default:
                out += "\(pad)- \(scalar(item))\n"
            }
        }
    }

    /// `|` block for multi-line text: `|-` when it has no final newline.
    private static func literalBlock(_ text: String, indent: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // A block whose first line starts with a space, or with trailing blank
        // lines, cannot be written as a plain literal block: quote it.
        if lines.first?.first == " " || text.hasSuffix("\n") || text.contains("\r")
            || lines.contains(where: { $0.last == " " || $0.contains("\t") })
        {
            return quoted(text) + "\n"
        }
        let pad = String(repeating: " ", count: indent)
        return "|-\n" + lines.map { $0.isEmpty ? "\n" : "\(pad)\($0)\n" }.joined()
    }

    static func scalar(_ value: YAMLValue) -> String {
        switch value {
        case .string(let text): return plainIsSafe(text) ? text : quoted(text)
        case .int(let number): return String(number)
        case .double(let number): return number == number.rounded() && abs(number) < 1e15 ? String(format: "%.1f", number) : "\(number)"
        case .bool(let flag): return flag ? "true" : "false"
        case .flow(let items): return "[" + items.map { flowItemIsSafe($0) ? $0 : quoted($0) }.joined(separator: ", ") + "]"
        case .list, .map: return ""
        }
    }

    /// Whether `text` written without quotes reads back as the same string
    /// in YAML 1.1 and 1.2 readers alike.
    static func plainIsSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if first.isWhitespace || last.isWhitespace || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
            // `- ` and `? ` and `: ` start structures; a lone leading `-` followed by a letter is fine.
            if !(first == "-" && text.count > 1 && text.dropFirst().first!.isLetter) { return false }
        }
        if text.contains(": ") || text.contains(" #") || text.contains("\n") || text.contains("\t") { return false }
        if text.unicodeScalars.contains(where: {
            $0.properties.generalCategory == .control || $0 == "\u{FEFF}" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}"
        }) {
            return false
        }
        let lower = text.lowercased()
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".nan", ".inf", "-.inf", "+.inf"]
        if reserved.contains(lower) { return false }
        // Anything number-, date- or time-like is quoted: `07:00`, `60603`, `+1773…`, `2026-01-01`, `1e3`.
        let numeric = CharacterSet(charactersIn: "0123456789+-.:_eE ")
        if let scalar = first.unicodeScalars.first, "0123456789+.".unicodeScalars.contains(scalar) || first == "-",
            text.unicodeScalars.allSatisfy({ numeric.contains($0) })
        {
            return false
        }
        if Double(text) != nil || Int(text) != nil { return false }
        return true
    }

    static func flowItemIsSafe(_ text: String) -> Bool {
        plainIsSafe(text) && !text.contains(where: { ",[]{}".contains($0) })
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{FEFF}" {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
