import ClinicWorkflow
import ClinicctlCommands
import Foundation
import Testing

/// The repository these tests live in: its `content/` is the clinic's real content.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// What a command printed and how it ended, run in this process.
struct Outcome: Sendable, CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Text written to a stream, collected.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ more: Data) { lock.withLock { data.append(more) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}

/// A fresh temporary folder per test, removed when it ends, holding a content repository
/// made from the real content by `clinicctl init` run in-process. Every command runs with
/// an injected context: a fixed clock, its own variables and folder, collected output.
final class CommandSandbox: @unchecked Sendable {
    static let manager = "Olivia Office <office@clinic.example>"
    static let reviewer = "Rita Reviewer <rita@clinic.example>"
    /// The injected clock: 1 December 2026, noon in Chicago.
    static let now = Date(timeIntervalSince1970: 1_796_148_000)

    let root: URL
    let repo: URL

    init(bare: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("clinicctl-inprocess-\(UUID().uuidString)")
        repo = root.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var arguments = ["init", repo.path, "--from", packageRoot.appendingPathComponent("content").path, "--reviewer", Self.reviewer]
        if bare { arguments.append("--bare") }
        let made = run(arguments, in: root)
        guard made.status == 0 else { throw SandboxFailure(description: "init failed: \(made)") }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Runs one command line in-process as `author`, in `folder` (default: the repository).
    @discardableResult
    func run(
        _ arguments: [String], as author: String = CommandSandbox.manager, stdin: String = "", in folder: URL? = nil,
        variables extra: [String: String] = [:]
    ) -> Outcome {
        let out = Collected()
        let err = Collected()
        let lines = Lines(stdin)
        let variables = [
            "CLINICCTL_AUTHOR": author, "HOME": root.path, "CI": "true",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ].merging(extra.mapValues { $0.replacingOccurrences(of: "{root}", with: root.path) }) { $1 }
        let context = CommandContext(
            environment: WorkEnvironment(now: { Self.now }, timeZoneOffsetMinutes: -360, variables: variables),
            currentDirectory: folder ?? repo, standardOutput: out.append, standardError: err.append,
            readLine: lines.next, readInput: lines.rest)
        let status = Clinicctl.run(arguments.map { $0.replacingOccurrences(of: "{root}", with: root.path) }, in: context)
        return Outcome(status: status, stdout: out.text, stderr: err.text)
    }

    /// Runs a command that must succeed; a failure stops the test with what it said.
    @discardableResult
    func succeed(_ arguments: [String], as author: String = CommandSandbox.manager) throws -> Outcome {
        let outcome = run(arguments, as: author)
        guard outcome.status == 0 else {
            throw SandboxFailure(description: "clinicctl \(arguments.joined(separator: " ")) failed: \(outcome)")
        }
        return outcome
    }
}

struct SandboxFailure: Error, CustomStringConvertible {
    let description: String
}

/// Standard input given as text: read a line at a time, or what is left at once.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Substring

    init(_ text: String) { remaining = Substring(text) }

    func next() -> String? {
        lock.withLock {
            guard !remaining.isEmpty else { return nil }
            let end = remaining.firstIndex(of: "\n") ?? remaining.endIndex
            let line = String(remaining[..<end])
            remaining = end == remaining.endIndex ? "" : remaining[remaining.index(after: end)...]
            return line
        }
    }

    func rest() -> Data {
        lock.withLock {
            defer { remaining = "" }
            return Data(remaining.utf8)
        }
    }
}
