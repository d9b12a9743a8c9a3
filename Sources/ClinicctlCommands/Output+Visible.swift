import ClinicWorkflow
import Foundation

/// Every line clinicctl prints to standard output. It shadows the standard
/// library's `print` inside this module, so no command can print a summary,
/// a name or a content value from a repository without passing through
/// `Output.visible`: an escape sequence in a commit message cannot hide lines
/// from a reviewer. It writes to the running command's standard output
/// (`CommandContext.current`), so a test can run a command in-process.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = Output.visible(items.map { "\($0)" }.joined(separator: separator)) + terminator
    CommandContext.current.standardOutput(Data(text.utf8))
}

extension Output {
    /// `text` with every control character shown instead of obeyed: C0 controls
    /// as `^[`, `^M`… (line breaks and tabs stay), DEL as `^?`, C1 controls and
    /// bidirectional overrides as `<U+009B>`.
    static func visible(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09: out.append(scalar)
            case 0x00..<0x20, 0x7F: out.append(contentsOf: "^\(Character(Unicode.Scalar((scalar.value + 0x40) & 0x7F)!))".unicodeScalars)
            case 0x80..<0xA0, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
                out.append(contentsOf: String(format: "<U+%04X>", scalar.value).unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Writes `text` and a line break to standard error, made visible.
    static func note(_ text: String) { printError(visible(text) + "\n") }
}

extension Output {
    /// The column marking drafts that change more than content: `HOOKS,SETTINGS`, or `-`.
    static func beyondContent(_ needs: [Acceptance]) -> String {
        needs.isEmpty ? "-" : "!" + needs.map { $0.rawValue.uppercased() }.joined(separator: ",")
    }
}
