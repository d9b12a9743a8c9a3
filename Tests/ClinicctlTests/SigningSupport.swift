import Foundation
import Testing

/// A clinic whose first reviewer, Rita, has an SSH key listed (`init --reviewer-key`), so
/// approvals must be signed; Sam is a second reviewer with no key. Keys live in the sandbox.
final class SignedSandbox {
    let box: Sandbox
    let keys: URL
    /// Private key paths (their `.pub` beside them).
    let rita: String, sam: String, stranger: String

    /// `ritaPassphrase` protects Rita's private key (empty: none).
    init(bare: Bool = false, ritaPassphrase: String = "") throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicctl-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        keys = folder
        rita = try Self.makeKey(in: folder, name: "rita", passphrase: ritaPassphrase)
        sam = try Self.makeKey(in: folder, name: "sam")
        stranger = try Self.makeKey(in: folder, name: "stranger")
        box = try Sandbox(bare: bare, initArguments: ["--reviewer-key", rita + ".pub"])
    }

    deinit { try? FileManager.default.removeItem(at: keys) }

    /// Makes an ed25519 key `name` in `folder` (with `passphrase`, empty for none); returns the private key's path.
    static func makeKey(in folder: URL, name: String, type: [String] = ["-t", "ed25519"], passphrase: String = "") throws -> String {
        let path = folder.appendingPathComponent(name).path
        let run = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/ssh-keygen"), type + ["-q", "-N", passphrase, "-C", "\(name)@test", "-f", path], in: folder,
            environment: [:], stdin: nil)
        guard run.status == 0 else { throw SandboxError(message: "ssh-keygen: \(run.stderr)") }
        return path
    }

    /// The key's fingerprint as `ssh-keygen -l` prints it (`SHA256:...`).
    static func fingerprint(_ key: String) throws -> String {
        let run = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/ssh-keygen"), ["-l", "-f", key + ".pub"], in: URL(fileURLWithPath: "/"), environment: [:],
            stdin: nil)
        return String(run.stdout.split(separator: " ")[1])
    }

    /// The allowed signers file clinicctl prints, written beside the keys.
    func allowedSigners(in folder: URL? = nil) throws -> String {
        let run = try box.clinicctl(["reviewers", "allowed-signers"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let file = keys.appendingPathComponent("allowed_signers-\(UUID().uuidString)")
        try Data(run.stdout.utf8).write(to: file)
        return file.path
    }

    /// Whether plain `git verify-commit` accepts `commit` against `allowedSigners`: the independent witness.
    func gitVerifies(_ commit: String, allowedSigners: String, in folder: URL? = nil) throws -> Bool {
        try box.git(["-c", "gpg.ssh.allowedSignersFile=\(allowedSigners)", "verify-commit", commit], in: folder).status == 0
    }

    /// A merge of `parents` with `tree` and `message` made with plain Git by `committer`, signed
    /// with `key` when given (Git's own SSH signing); its id.
    func forge(
        tree: String, parents: [String], message: String, committer: (String, String) = ("Rita Reviewer", "rita@clinic.example"),
        key: String? = nil, in folder: URL? = nil
    ) throws -> String {
        var arguments = ["git"]
        if let key { arguments += ["-c", "gpg.format=ssh", "-c", "user.signingKey=\(key)"] }
        arguments += ["commit-tree", tree] + parents.flatMap { ["-p", $0] } + ["-m", message]
        if key != nil { arguments.append("-S") }
        let run = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/env"), arguments, in: folder ?? box.repo,
            environment: [
                "GIT_AUTHOR_NAME": committer.0, "GIT_AUTHOR_EMAIL": committer.1, "GIT_COMMITTER_NAME": committer.0,
                "GIT_COMMITTER_EMAIL": committer.1,
            ], stdin: nil)
        #expect(run.status == 0, "commit-tree: \(run.stderr)")
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// An `ssh-agent` of the test's own, on a socket in a temporary folder; killed when released.
final class TestSSHAgent {
    let folder: URL
    let socket: String
    private let process: Process

    init() throws {
        // Short path: a Unix socket's path is limited to about 100 bytes.
        folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("ca-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        socket = folder.appendingPathComponent("agent.sock").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-agent")
        process.arguments = ["-D", "-a", socket]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: socket) {
            guard Date() < deadline, process.isRunning else {
                stop()
                throw SandboxError(message: "ssh-agent did not start")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Adds the passphrase-protected `key`, the passphrase given through SSH_ASKPASS (no terminal needed).
    func add(_ key: String, passphrase: String) throws {
        let askpass = folder.appendingPathComponent("askpass.sh")
        try Data("#!/bin/sh\necho '\(passphrase)'\n".utf8).write(to: askpass)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: askpass.path)
        let run = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/ssh-add"), ["-q", key], in: folder,
            environment: ["SSH_AUTH_SOCK": socket, "SSH_ASKPASS": askpass.path, "SSH_ASKPASS_REQUIRE": "force", "DISPLAY": ":0"],
            stdin: nil)
        guard run.status == 0 else { throw SandboxError(message: "ssh-add: \(run.stderr)") }
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    deinit { stop() }
}
