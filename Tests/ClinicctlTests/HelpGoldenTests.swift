import Foundation
import Testing

/// `--help` of every command, kept as golden files in Golden/help/.
///
/// Commands are discovered from the SUBCOMMANDS section of each help text, so
/// a new command without a golden file fails here. After an intended change:
/// `UPDATE_GOLDEN=1 swift test --filter HelpGoldenTests`.
@Suite("help texts")
struct HelpGoldenTests {
    static let goldenFolder = packageRoot.appendingPathComponent("Tests/ClinicctlTests/Golden/help")

    func help(_ path: [String]) throws -> String {
        let run = try Sandbox.execute(
            clinicctlBinary, path + ["--help"], in: FileManager.default.temporaryDirectory,
            environment: ["COLUMNS": "100"], stdin: nil)
        #expect(run.status == 0, "\(path) --help: \(run.stderr)")
        return run.stdout
    }

    /// Every command path, breadth first, from the help texts themselves.
    func allCommands() throws -> [[String]: String] {
        var found: [[String]: String] = [:]
        var queue: [[String]] = [[]]
        while !queue.isEmpty {
            let path = queue.removeFirst()
            let text = try help(path)
            found[path] = text
            guard let section = text.range(of: "SUBCOMMANDS:\n") else { continue }
            // The section ends at its first blank line; each entry is `  name  abstract`.
            for line in text[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
                    name.allSatisfy({ $0.isLowercase || $0 == "-" })
                else { continue }
                if name != "help" { queue.append(path + [String(name)]) }
            }
            #expect(queue.count < 200, "command discovery ran away: \(queue.prefix(5))")
            if queue.count >= 200 { break }
        }
        return found
    }

    @Test("every command's --help matches its golden file")
    func goldenHelp() throws {
        let commands = try allCommands()
        #expect(commands.count > 30, "found only \(commands.keys.map { $0.joined(separator: " ") })")
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        if update { try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true) }
        for (path, text) in commands {
            let file = Self.goldenFolder.appendingPathComponent((["clinicctl"] + path).joined(separator: "-") + ".txt")
            if update { try Data(text.utf8).write(to: file) }
            let golden = try? String(contentsOf: file, encoding: .utf8)
            #expect(
                golden == text,
                "clinicctl \(path.joined(separator: " ")) --help differs from \(file.lastPathComponent) (UPDATE_GOLDEN=1 to accept)")
        }
        let known = Set(commands.keys.map { (["clinicctl"] + $0).joined(separator: "-") + ".txt" })
        let stale = (try FileManager.default.contentsOfDirectory(atPath: Self.goldenFolder.path)).filter { !known.contains($0) }
        #expect(stale.isEmpty, "golden files for commands that no longer exist: \(stale)")
    }

    @Test("--version prints the version")
    func version() throws {
        let run = try Sandbox.execute(
            clinicctlBinary, ["--version"], in: FileManager.default.temporaryDirectory, environment: [:], stdin: nil)
        #expect(run.status == 0)
        #expect(run.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(run.stdout)")
    }
}
