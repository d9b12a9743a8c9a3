import Foundation
import Testing

/// Reading never writes: every reading command works on a repository nobody may
/// write to, and prints there exactly what it prints on a writable one.
///
/// Tests run as root, who ignores file permissions, so the read-only copy is
/// read by the unprivileged user `nobody` (through util-linux's `setpriv`): for
/// that user the copy is truly read-only. libgit2 refuses a repository owned by
/// another user unless `safe.directory` allows it, so that run gets a HOME whose
/// Git configuration trusts the copy.
@Suite("reading a read-only repository")
struct ReadOnlyRepositoryTests {
    static let nobody = ["--reuid=65534", "--regid=65534", "--clear-groups"]

    /// The repository as reviewers meet it: one clean open draft, and one that conflicts
    /// with a change approved after it began.
    static func makeRepository() throws -> Sandbox {
        let box = try Sandbox()
        try #require(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."]).status == 0)
        try #require(try box.clinicctl(["hours", "set", "the-loop", "sat", "09:00-12:00"]).status == 0)
        try #require(
            try box.clinicctl(["hours", "set", "the-loop", "fri", "08:00-16:00", "--as", Sandbox.secondReviewer], as: nil).status == 0)
        try #require(try box.clinicctl(["review", "approve", "hours-the-loop"], as: Sandbox.reviewer).status == 0)
        return box
    }

    /// Every reading command, with `OUT` standing for a writable folder of the run's own.
    static let readingCommands: [[String]] = [
        ["drafts"],
        ["drafts", "--json"],
        ["review", "list"],
        ["review", "show", "faq-do-you-take-insurance"],
        ["review", "show", "faq-do-you-take-insurance", "--json"],
        ["review", "show", "hours-the-loop-2"],
        ["review", "show", "hours-the-loop-2", "--json"],
        ["status"],
        ["history"],
        ["faq", "list"],
        ["validate", "--rev", "main"],
        ["validate", "--draft", "faq-do-you-take-insurance"],
        ["export", "--rev", "main", "--out", "OUT"],
    ]

    @Test("reading commands succeed on a read-only copy and print what they print on the original")
    func readingCommandsWriteNothing() throws {
        let box = try Self.makeRepository()
        // The copy and everything around it must be readable by nobody; only the copy is read-only.
        let copy = box.root.appendingPathComponent("read-only")
        try #require(try Self.run("/bin/cp", ["-a", box.repo.path, copy.path], in: box.root).status == 0)
        let home = box.root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        // libgit2 1.5 does not understand `directory = *`: the copy is named.
        try "[safe]\n\tdirectory = \(copy.path)\n".write(to: home.appendingPathComponent(".gitconfig"), atomically: true, encoding: .utf8)
        let outputs = box.root.appendingPathComponent("outputs")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: outputs.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: box.root.path)
        try #require(try Self.run("/bin/chmod", ["-R", "a-w", copy.path], in: box.root).status == 0)
        // So that the sandbox can remove it afterwards.
        defer { _ = try? Self.run("/bin/chmod", ["-R", "u+w", copy.path], in: box.root) }
        let before = try Self.listing(copy)

        // The check is only real if nobody cannot write there: prove it first.
        let probe = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/setpriv"), Self.nobody + ["/usr/bin/touch", copy.appendingPathComponent(".git/probe").path],
            in: box.root, environment: [:], stdin: nil)
        try #require(probe.status != 0, "nobody could write into the read-only copy; the test would prove nothing")

        for (number, command) in Self.readingCommands.enumerated() {
            let original = try box.clinicctl(Self.arguments(command, out: outputs.appendingPathComponent("original-\(number)")))
            let readOnly = try Sandbox.execute(
                URL(fileURLWithPath: "/usr/bin/setpriv"),
                Self.nobody + [clinicctlBinary.path] + Self.arguments(command, out: outputs.appendingPathComponent("read-only-\(number)")),
                in: copy, environment: ["HOME": home.path, "CLINICCTL_AUTHOR": Sandbox.reviewer], stdin: nil)
            let shown = command.joined(separator: " ")
            #expect(original.status == 0, "\(shown) on the original: \(original.stderr)")
            #expect(readOnly.status == 0, "\(shown) on the read-only copy: \(readOnly.stderr)")
            #expect(
                Self.normalised(readOnly.stdout, number, "read-only") == Self.normalised(original.stdout, number, "original"),
                "\(shown) prints something else on the read-only copy")
            #expect(readOnly.stderr == original.stderr, "\(shown)")
        }
        #expect(try Self.listing(copy) == before, "a reading command changed the copy")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: outputs.appendingPathComponent("read-only-12").path).contains(
                "bundle.json"),
            "export wrote its files to the writable folder")
    }

    /// Foundation's `Bundle.main` stops the process (illegal instruction) when the user may
    /// run the program but not list the folder it lies in, which is how a fresh clone in a
    /// private temporary folder met this suite: the record cache's key and the webhook
    /// helper's folder must be found without it.
    @Test("a clinicctl in a folder its user may not list still reads the content")
    func runsFromAnUnlistableFolder() throws {
        let box = try Self.makeRepository()
        let hidden = box.root.appendingPathComponent("private/bin")
        try FileManager.default.createDirectory(at: hidden, withIntermediateDirectories: true)
        let program = hidden.appendingPathComponent("clinicctl")
        try FileManager.default.copyItem(at: clinicctlBinary, to: program)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: box.root.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: box.root.appendingPathComponent("private").path)
        let home = box.root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try "[safe]\n\tdirectory = \(box.repo.path)\n".write(
            to: home.appendingPathComponent(".gitconfig"), atomically: true, encoding: .utf8)
        let original = try box.clinicctl(["faq", "list"])
        let run = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/setpriv"), Self.nobody + [program.path, "faq", "list"], in: box.repo,
            environment: ["HOME": home.path], stdin: nil)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == original.stdout)
    }

    static func run(_ program: String, _ arguments: [String], in folder: URL) throws -> Run {
        try Sandbox.execute(URL(fileURLWithPath: program), arguments, in: folder, environment: [:], stdin: nil)
    }

    static func arguments(_ command: [String], out: URL) -> [String] {
        command.map { $0 == "OUT" ? out.path : $0 }
    }

    /// Output with the run's own export folder named the same way for both runs.
    static func normalised(_ text: String, _ number: Int, _ run: String) -> String {
        text.replacingOccurrences(of: "\(run)-\(number)", with: "OUT")
    }

    /// Every path in the copy with its size and modification time.
    static func listing(_ folder: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted().map { path in
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
            return "\(path) \(attributes[.size] ?? "") \(attributes[.modificationDate] ?? "")"
        }
    }
}
