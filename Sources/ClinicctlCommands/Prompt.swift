import ClinicWorkflow
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Asking for missing values, only when a person is at a terminal.
enum Prompt {
    static var isInteractive: Bool { CommandContext.current.isInteractive }

    /// Asks for a value on a terminal; elsewhere a missing value is an error naming the flag.
    static func ask(_ label: String, flag: String) throws -> String {
        guard isInteractive else { throw WorkflowError(.usage, "missing \(flag) (\(label.lowercased()))") }
        printError("\(label): ")
        guard let line = readLine(), !line.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw WorkflowError(.usage, "no \(label.lowercased()) given; nothing was changed")
        }
        return line
    }

    /// Reads a file, or standard input for `-`.
    static func readFile(_ path: String) throws -> String {
        let context = CommandContext.current
        let data = path == "-" ? context.readInput() : FileManager.default.contents(atPath: context.path(path))
        guard let data else { throw WorkflowError(.notFound, "cannot read \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw WorkflowError(.usage, "\(path) is not UTF-8 text") }
        return text
    }

    /// Opens `$VISUAL` or `$EDITOR` on `initial` at the terminal and returns what was saved.
    static func editor(initial: String) throws -> String {
        guard isInteractive else {
            throw WorkflowError(.usage, "--edit opens an editor and needs a terminal; use --answer or --answer-file")
        }
        return try TextEditor(environment: CommandContext.current.environment.variables).edit(initial)
    }
}
