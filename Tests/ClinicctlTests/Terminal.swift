import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A command running in a pseudo-terminal of its own (a detached tmux session
/// on a private socket), so that tests can drive a full-screen editor with keys.
final class Terminal: @unchecked Sendable {
    let socket: String
    let folder: URL

    /// Whether tmux is installed (`make test-deps` installs it with vim).
    static var isAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `command` (a shell command line) in `folder`; its exit status goes to `folder/status`.
    init(_ command: String, in folder: URL) throws {
        self.folder = folder
        // Outside `folder`, which may be removed before this terminal is stopped.
        socket = FileManager.default.temporaryDirectory.appendingPathComponent("clinicctl-tmux-\(UUID().uuidString).sock").path
        let line = "\(command); echo $? > '\(folder.path)/status'; sleep 15"
        let started = try tmux(["new-session", "-d", "-x", "100", "-y", "30", line])
        guard started.status == 0 else { throw SandboxError(message: "tmux did not start: \(started.stdout)") }
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
    }

    /// Runs a tmux command, spawned and waited for directly. Not through
    /// Foundation's Process, which waits for every holder of a descriptor it
    /// gives the child to close it, and the tmux server it starts never does.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> Run {
        let output = folder.appendingPathComponent("tmux-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = (["/usr/bin/env", "tmux", "-S", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, environ) == 0 else {
            throw SandboxError(message: "could not start tmux")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        return Run(status: (status >> 8) & 0xff, stdout: text, stderr: "")
    }

    /// What the terminal shows now.
    func screen() throws -> String { try tmux(["capture-pane", "-p"]).stdout }

    /// The screen for a failure message (empty when it cannot be read).
    var text: String { (try? screen()) ?? "" }

    /// Sends keys as tmux names them (`Escape`, `Enter`, `C-c`), or literal text with `literal`.
    func send(_ keys: [String], literal: Bool = false) throws {
        try tmux(["send-keys"] + (literal ? ["-l"] : []) + keys)
        Thread.sleep(forTimeInterval: 0.3)
    }

    /// Waits until `condition` holds, up to `seconds`; false when it never did.
    func wait(seconds: Double = 20, until condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return try condition()
    }

    /// The command's exit status, once it has ended (nil if it did not within `seconds`).
    func exitStatus(seconds: Double = 20) -> Int32? {
        let file = folder.appendingPathComponent("status")
        guard wait(seconds: seconds, until: { FileManager.default.fileExists(atPath: file.path) }) else { return nil }
        Thread.sleep(forTimeInterval: 0.2)
        return (try? String(contentsOf: file, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}

extension Sandbox {
    /// The shell command line that runs clinicctl in the repository as a person at a terminal:
    /// no CI variable, a private HOME and TMPDIR, Git's user config out of the way.
    func terminalCommand(_ arguments: [String], author: String?, editor: String) -> String {
        let quoted = ([clinicctlBinary.path] + arguments).map { "'\($0.replacingOccurrences(of: "'", with: "'\\''"))'" }
        var variables = [
            "HOME=\(root.path)", "TMPDIR=\(tmp.path)", "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "TERM=xterm",
            "EDITOR='\(editor)'",
        ]
        if let author { variables.append("CLINICCTL_AUTHOR='\(author)'") }
        return
            "cd '\(repo.path)' && env -u CI -u VISUAL -u CLINICCTL_AUTHOR \(variables.joined(separator: " ")) \(quoted.joined(separator: " "))"
    }

    /// The temporary folder commands run under `terminalCommand` use.
    var tmp: URL {
        let url = root.appendingPathComponent("tmp")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
