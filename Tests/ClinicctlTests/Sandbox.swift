import Foundation
import Testing

/// The repository this test lives in: its `content/` is the clinic's real content.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `clinicctl`, beside the test bundle (or CLINICCTL_BINARY).
let clinicctlBinary: URL = {
    if let explicit = ProcessInfo.processInfo.environment["CLINICCTL_BINARY"] { return URL(fileURLWithPath: explicit) }
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("clinicctl")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    return packageRoot.appendingPathComponent(".build/debug/clinicctl")
}()

/// What a program printed and how it ended.
struct Run: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// A fresh temporary folder per test, removed when the test ends, holding a
/// content repository made by `clinicctl init` from the real content.
final class Sandbox: @unchecked Sendable {
    let root: URL
    let repo: URL
    static let manager = "Olivia Office <office@clinic.example>"
    static let reviewer = "Rita Reviewer <rita@clinic.example>"
    static let secondReviewer = "Sam Second <sam@clinic.example>"

    /// `initArguments` are added to `clinicctl init` (e.g. `--reviewer-key FILE`).
    init(reviewers: [String] = [Sandbox.reviewer, Sandbox.secondReviewer], bare: Bool = false, initArguments: [String] = []) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("clinicctl-test-\(UUID().uuidString)")
        repo = root.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var arguments = ["init", repo.path, "--from", packageRoot.appendingPathComponent("content").path, "--as", Sandbox.manager]
        for reviewer in reviewers { arguments += ["--reviewer", reviewer] }
        if bare { arguments.append("--bare") }
        arguments += initArguments
        let made = try clinicctl(arguments, in: root)
        guard made.status == 0 else { throw SandboxError(message: "init failed: \(made.stderr)") }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Runs clinicctl with `--repo`-free arguments inside the repository, as `author`.
    @discardableResult
    func clinicctl(
        _ arguments: [String], as author: String? = Sandbox.manager, stdin: String? = nil, in folder: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> Run {
        var env = environment
        env["CLINICCTL_AUTHOR"] = author ?? ""
        return try Self.execute(clinicctlBinary, arguments, in: folder ?? repo, environment: env, stdin: stdin)
    }

    /// Runs the `git` program, an independent witness of what clinicctl wrote.
    @discardableResult
    func git(_ arguments: [String], in folder: URL? = nil) throws -> Run {
        try Self.execute(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: folder ?? repo, environment: [:], stdin: nil)
    }

    /// `git` output, trimmed; fails the test when git fails.
    @discardableResult
    func gitOutput(_ arguments: [String]) throws -> String {
        let run = try git(arguments)
        #expect(run.status == 0, "git \(arguments.joined(separator: " ")): \(run.stderr)")
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Everything a refused command must leave as it was: refs, reachable
    /// objects, the index, working tree files and `git status`.
    func snapshot() throws -> [String] {
        var parts = [
            try gitOutput(["for-each-ref", "--format=%(refname) %(objectname)"]),
            try gitOutput(["rev-list", "--all", "--objects"]),
            try gitOutput(["status", "--porcelain", "--untracked-files=all"]),
        ]
        let index = repo.appendingPathComponent(".git/index")
        parts.append((try? Data(contentsOf: index)).map { "\($0.hashValue)-\($0.count)" } ?? "no index")
        for path in try FileManager.default.subpathsOfDirectory(atPath: repo.path).sorted() where !path.hasPrefix(".git") {
            let url = repo.appendingPathComponent(path)
            if let data = FileManager.default.contents(atPath: url.path) { parts.append("\(path) \(data.base64EncodedString())") }
        }
        return parts
    }

    /// A file's text at a revision, through git.
    func show(_ revision: String, _ path: String) throws -> String {
        try gitOutput(["show", "\(revision):\(path)"])
    }

    static func execute(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String], stdin: String?) throws
        -> Run
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["HOME"] = FileManager.default.temporaryDirectory.path
        env["CI"] = "true"
        env.removeValue(forKey: "CLINICCTL_AUTHOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a chatty child cannot block on a full pipe.
        let outData = Locked(Data())
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            outData.set(out.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData.value, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

struct SandboxError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Decodes a command's `--json` output.
func decodeJSON(_ run: Run) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
}

/// A value shared between threads under a lock.
final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func set(_ value: Value) { lock.withLock { stored = value } }
    func update(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
