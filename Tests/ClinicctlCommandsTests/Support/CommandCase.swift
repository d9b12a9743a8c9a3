import ArgumentParser
import ClinicTestSupport
import ClinicctlCommands
import Foundation
import Testing

/// One command line run in-process in a fresh sandbox, and what it must say.
///
/// `setup` runs first and must succeed; then `arguments` must end with `status`,
/// its standard output holding every `says` and its standard error every `warns`.
/// A refused command (status not 0) must leave every reference as it was.
struct CommandCase: Sendable, CustomTestStringConvertible {
    var command: String
    var arguments: [String]
    var setup: [[String]] = []
    var author: String = CommandSandbox.manager
    var status: Int32 = 0
    var says: [String] = []
    var warns: [String] = []
    /// What standard output must not hold.
    var lacks: [String] = []
    var stdin: String = ""
    /// Environment variables besides the sandbox's own (`{root}` replaced as in `arguments`).
    var variables: [String: String] = [:]
    var bare = false
    /// False where `validate()` refuses the arguments, so parsing itself fails.
    var parses = true

    var testDescription: String { "clinicctl " + arguments.joined(separator: " ") }

    /// The words of `command`, e.g. `faq category add`.
    var words: [String] { command.split(separator: " ").map(String.init) }

    /// Runs the case in a fresh sandbox and checks what it said.
    func check() throws {
        let sandbox = try CommandSandbox(bare: bare)
        for step in setup { try sandbox.succeed(step) }
        let before = try sandbox.references()
        let outcome = sandbox.run(arguments, as: author, stdin: stdin, variables: variables)
        #expect(outcome.status == status, "\(testDescription)\n\(outcome)")
        for text in says { #expect(outcome.stdout.contains(text), "stdout lacks \(text.debugDescription)\n\(outcome)") }
        for text in lacks { #expect(!outcome.stdout.contains(text), "stdout holds \(text.debugDescription)\n\(outcome)") }
        for text in warns { #expect(outcome.stderr.contains(text), "stderr lacks \(text.debugDescription)\n\(outcome)") }
        if status != 0 { #expect(try sandbox.references() == before, "a refused command changed a reference") }
    }

    /// Parses the case's arguments as the program does: they must name `command`.
    func parsedCommand() throws -> String {
        let parsed = try Clinicctl.parseAsRoot(arguments.map { $0.replacingOccurrences(of: "{root}", with: "/tmp") })
        return commandPath(of: type(of: parsed))
    }
}

/// Every runnable command's words (`faq category add`), from the command tree.
func leafCommands(_ command: any ParsableCommand.Type = Clinicctl.self, prefix: [String] = []) -> [String] {
    let subcommands = command.configuration.subcommands
    let name = command.configuration.commandName ?? ""
    let path = command == Clinicctl.self ? prefix : prefix + [name]
    if subcommands.isEmpty { return [path.joined(separator: " ")] }
    return subcommands.flatMap { leafCommands($0, prefix: path) }
}

/// The words naming `command` in the tree, or "" when it is not in it.
func commandPath(of command: any ParsableCommand.Type) -> String {
    func search(_ node: any ParsableCommand.Type, _ path: [String]) -> [String]? {
        if node == command { return path }
        for child in node.configuration.subcommands {
            if let found = search(child, path + [child.configuration.commandName ?? ""]) { return found }
        }
        return nil
    }
    return search(Clinicctl.self, [])?.joined(separator: " ") ?? ""
}

extension CommandSandbox {
    /// Every reference and what it points at, read by git as a witness.
    func references() throws -> [String] {
        try gitWitness(["for-each-ref", "--format=%(refname) %(objectname)"], in: repo).split(separator: "\n").map(String.init)
    }
}
