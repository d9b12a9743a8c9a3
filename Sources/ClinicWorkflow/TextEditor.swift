import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The person's own text editor, run at their terminal the way `git commit` runs it.
///
/// The editor is started in this process's process group, with the terminal as
/// its standard input, output and error: it is in the terminal's foreground
/// group, so it may read keys and draw the screen (an editor started in a group
/// of its own is stopped by the terminal the moment it reads). While it runs,
/// this process ignores Ctrl-C and Ctrl-\ (the editor decides what they do);
/// when it ends, the terminal's settings are put back and the temporary file is
/// removed, whatever happened.
public struct TextEditor: Sendable {
    /// A shell command line (`vim`, `code --wait`); the file is added as its last argument.
    public var command: String

    public init(command: String) { self.command = command }

    /// `$VISUAL`, else `$EDITOR`, else `vi`, as Git chooses.
    public init(environment: [String: String]) {
        let chosen = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty }
        self.init(command: chosen ?? "vi")
    }

    /// Opens `initial` in the editor and returns the text saved when it exits.
    public func edit(_ initial: String, fileName: String = "answer.md") throws -> String {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("clinicctl-edit-\(UUID().uuidString)")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? fm.removeItem(at: folder) }
        let file = folder.appendingPathComponent(fileName)
        try Data(initial.utf8).write(to: file)
        // Through the shell, as Git does, so the command may carry arguments.
        let ending = try Self.runInForeground(["/bin/sh", "-c", "\(command) \"$@\"", command, file.path])
        switch ending {
        case .exited(0): break
        case .exited(let status):
            throw WorkflowError(.usage, "the editor (\(command)) exited with status \(status); nothing was changed")
        case .signaled(let signal):
            throw WorkflowError(.usage, "the editor (\(command)) was stopped by signal \(signal); nothing was changed")
        }
        guard let text = String(data: try Data(contentsOf: file), encoding: .utf8) else {
            throw WorkflowError(.usage, "the text saved in the editor is not UTF-8; nothing was changed")
        }
        return text
    }

    /// How a program ended.
    public enum Ending: Equatable, Sendable {
        case exited(Int32)
        case signaled(Int32)
    }

    /// Runs `arguments` (a full path first) in this process group with this
    /// process's standard streams, and waits for it.
    public static func runInForeground(_ arguments: [String]) throws -> Ending {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child gets default Ctrl-C handling and an empty signal mask, whatever this process has.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var saved = termios()
        let isTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        let oldInterrupt = signal(SIGINT, SIG_IGN)
        let oldQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, oldInterrupt)
            signal(SIGQUIT, oldQuit)
            // An editor that was killed leaves the terminal raw: put it back as it was.
            if isTerminal { tcsetattr(STDIN_FILENO, TCSADRAIN, &saved) }
        }

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], nil, &attributes, argv, environ)
        guard spawned == 0 else {
            throw WorkflowError(.usage, "could not start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw WorkflowError(.repository, "lost track of the editor: \(String(cString: strerror(errno)))") }
        }
        // The wait status: low seven bits the signal, or zero and the exit status above them.
        return status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
    }
}
