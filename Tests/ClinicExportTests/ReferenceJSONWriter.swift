import Foundation

@testable import ClinicExport

/// The JSON encoder the bundle was written with before it was streamed
/// (String-based, scalar by scalar), kept unchanged as the witness the new
/// writer's bytes are compared with.
enum ReferenceJSONWriter {
    static func data(_ value: JSONValue) -> Data { Data(string(value).utf8) }

    static func string(_ value: JSONValue) -> String {
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
        case .double(let number): out += JSONWriter.format(number)
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

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += JSONWriter.unicodeEscape(scalar.value)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += JSONWriter.unicodeEscape(scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
