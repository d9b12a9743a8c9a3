import Foundation
import Testing

/// The "Next" lines after `init` and `clone` are what a newcomer types first: each must be
/// a clinicctl command that exists (or `cd`), never a Git command (issue 24, item 7).
@Suite("Next steps after init and clone")
struct NextStepsTests {
    /// The commands in the "Next" block of `output`: everything after each label's colon,
    /// split at `&&`, without the parenthesised remarks.
    static func commands(in output: String) -> [String] {
        guard let start = output.range(of: "Next:") else { return [] }
        return output[start.upperBound...].split(separator: "\n").dropFirst().flatMap { line -> [String] in
            guard let colon = line.range(of: ":   ") ?? line.range(of: ": ") else { return [] }
            let text = line[colon.upperBound...].components(separatedBy: "    (").first ?? ""
            return text.components(separatedBy: "&&").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// Each command is `cd` or a clinicctl subcommand whose `--help` works.
    func expectClinicctlCommands(_ output: String, _ box: Sandbox) throws {
        let commands = Self.commands(in: output)
        #expect(commands.count >= 3, "\(output)")
        for command in commands {
            let words = command.split(separator: " ").map(String.init)
            #expect(words.first == "cd" || words.first == "clinicctl", "\(command)")
            guard words.first == "clinicctl" else { continue }
            let path = Array(words.dropFirst().prefix { !$0.hasPrefix("-") && !$0.hasPrefix("/") && $0.uppercased() != $0 })
            let help = try box.clinicctl(path.prefix(2) + ["--help"], in: box.root)
            #expect(help.status == 0 && help.stdout.contains("USAGE: clinicctl \(path.prefix(2).joined(separator: " "))"), "\(command)")
        }
    }

    @Test("init names clinicctl commands, starting with saying who you are")
    func afterInit() throws {
        let box = try Sandbox()
        let target = box.root.appendingPathComponent("second")
        let run = try box.clinicctl(["init", target.path, "--from", packageRoot.appendingPathComponent("content").path], in: box.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Next:\n  go into it:              cd \(target.path)"), "\(run.stdout)")
        #expect(run.stdout.contains("clinicctl config --as \"Your Name <you@example.com>\""))
        try expectClinicctlCommands(run.stdout, box)
    }

    @Test("a bare init says to install the server's hooks and to clone with clinicctl")
    func afterBareInit() throws {
        let box = try Sandbox()
        let target = box.root.appendingPathComponent("shared.git")
        let arguments = ["init", target.path, "--bare", "--from", packageRoot.appendingPathComponent("content").path]
        let run = try box.clinicctl(arguments, in: box.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("clinicctl hooks install --server --repo \(target.path)"), "\(run.stdout)")
        #expect(run.stdout.contains("clinicctl clone \(target.path) clinic-content"), "\(run.stdout)")
        #expect(!run.stdout.contains("git clone"), "\(run.stdout)")
        try expectClinicctlCommands(run.stdout, box)
    }

    @Test("clone names clinicctl commands, not git config")
    func afterClone() throws {
        let box = try Sandbox(bare: true)
        let folder = box.root.appendingPathComponent("office")
        let run = try box.clinicctl(["clone", "file://" + box.repo.path, folder.path], in: box.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("cd \(folder.path)"), "\(run.stdout)")
        #expect(run.stdout.contains("clinicctl sync") && !run.stdout.contains("git config"), "\(run.stdout)")
        try expectClinicctlCommands(run.stdout, box)
    }
}
