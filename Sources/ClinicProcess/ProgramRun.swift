import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a program ended.
public enum ProgramExit: Hashable, Sendable {
    case exited(Int32)
    case signaled(Int32)
    /// Still running at the timeout: it was sent SIGTERM, then SIGKILL.
    case timedOut

    public var succeeded: Bool { self == .exited(0) }
}

/// How a run ended, and whether something the program left running outside its
/// process group still held its output open (not waited for).
public struct ProgramOutcome: Hashable, Sendable {
    public var exit: ProgramExit
    public var outputLeftOpen: Bool
}

/// The one way clinicctl runs another program (deploy hooks, notifiers, `ssh-keygen`,
/// the preview's `xdg-open`): directly (no shell), with the environment given, its
/// output (stdout and stderr together, in order) passed on a line at a time, and
/// stopped at the timeout.
///
/// The program runs in its own process group (Foundation starts children that
/// way), so the timeout stops what it started too: SIGTERM to the group, SIGKILL
/// after `killGrace`; what it leaves running in its group when it exits is stopped
/// the same way.
public struct ProgramRun: Sendable {
    public var executable: URL
    public var arguments: [String]
    public var environment: [String: String]
    public var workingDirectory: URL?
    /// Nil: no time limit (a program waiting for a person, such as a passphrase prompt).
    public var timeout: Duration?
    public var killGrace: Duration
    /// How long to keep reading after the program exits, for output still in
    /// flight; a background child that keeps the output open is not waited for.
    public var drainGrace: Duration = .milliseconds(500)
    /// Whether the program reads clinicctl's own standard input (a terminal it may
    /// prompt on) instead of `input`.
    public var inheritsInput = false

    public init(
        _ executable: URL, arguments: [String] = [], environment: [String: String], workingDirectory: URL? = nil,
        timeout: Duration?, killGrace: Duration = .seconds(3)
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.timeout = timeout
        self.killGrace = killGrace
    }

    /// Starts the program and leaves it running (`xdg-open`): nothing is read or waited for.
    public func start() throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = workingDirectory
        try process.run()
    }

    /// Runs the program to its end, feeding it `input`; `output` gets each line it
    /// writes, `note` what the runner itself has to say (processes it stopped; by default nothing).
    public func run(input: Data = Data(), output: (String) -> Void, note: (String) -> Void = { _ in }) throws -> ProgramOutcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = workingDirectory
        let stdin = Pipe()
        let combined = Pipe()
        if !inheritsInput { process.standardInput = stdin }
        process.standardOutput = combined
        process.standardError = combined
        // The input is small enough for the pipe's buffer: written before the
        // start, it can never block us, nor raise SIGPIPE if the program exits unread.
        precondition(input.count < 16_384, "the program's input must fit in a pipe buffer")
        stdin.fileHandleForWriting.write(input)
        try process.run()
        try? stdin.fileHandleForWriting.close()

        let pid = process.processIdentifier
        let group = getpgid(pid) == pid ? -pid : pid
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + $0 }
        var terminatedAt: ContinuousClock.Instant?
        var killed = false
        var exitedAt: ContinuousClock.Instant?
        var lines = LineSplitter()
        let fd = combined.fileHandleForReading.fileDescriptor
        var eof = false
        var chunk = [UInt8](repeating: 0, count: 65_536)

        /// Reads what is there within `wait` ms; false at the end of the output.
        func readSome(wait: Int32) -> Bool {
            var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, wait) > 0 else { return true }
            let count = read(fd, &chunk, chunk.count)
            if count > 0 {
                lines.append(chunk[0..<count]).forEach(output)
                return true
            }
            return !(count == 0 || (errno != EINTR && errno != EAGAIN))
        }

        while true {
            if eof { usleep(20_000) } else { eof = !readSome(wait: 50) }
            let now = clock.now
            if !Self.hasExited(process) {
                if terminatedAt == nil, let deadline, now >= deadline {
                    kill(group, SIGTERM)
                    terminatedAt = now
                } else if let sent = terminatedAt, !killed, now >= sent + killGrace {
                    kill(group, SIGKILL)
                    killed = true
                }
            } else {
                if eof { break }
                if exitedAt == nil { exitedAt = now }
                if now >= exitedAt! + drainGrace { break }
            }
        }
        if process.isRunning && !killed {
            stopLeftovers(process, group: group, clock: clock, note: note)
        }
        // What was stopped closed its end of the output; what still holds it escaped the group.
        let settled = clock.now + .milliseconds(300)
        while !eof && clock.now < settled { eof = !readSome(wait: 50) }
        if let rest = lines.finish() { output(rest) }
        let exit = Self.reap(process)
        try? combined.fileHandleForReading.close()
        return ProgramOutcome(exit: terminatedAt != nil ? .timedOut : exit, outputLeftOpen: !eof)
    }

    /// How the program ended, once it has: from Foundation when it noticed,
    /// else reaped here. Foundation notices an exit only when its watch on the
    /// child closes, and a process the hook started in a session of its own
    /// inherits that watch: waiting for Foundation would wait for that process.
    static func reap(_ process: Process) -> ProgramExit {
        var status: Int32 = 0
        if process.isRunning, waitpid(process.processIdentifier, &status, 0) == process.processIdentifier {
            return status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
        }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
            ? .signaled(process.terminationStatus) : .exited(process.terminationStatus)
    }
}

extension ProgramRun {
    /// True once the program has exited, even before Foundation reaps it.
    ///
    /// Foundation (swift-corelibs) does not report the exit of a child whose
    /// process group still has members, such as a background job the hook
    /// left running; Linux's /proc shows the exited program as a zombie.
    static func hasExited(_ process: Process) -> Bool {
        guard process.isRunning else { return true }
        #if os(Linux)
            guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")"), stat.distance(from: close, to: stat.endIndex) > 2
            else { return false }
            return stat[stat.index(close, offsetBy: 2)] == "Z"
        #else
            return false
        #endif
    }

    /// The program has exited; what it left running in its process group is
    /// stopped (TERM, then KILL), as a service manager would, so the publish
    /// can go on and nothing keeps running unwatched.
    func stopLeftovers(_ process: Process, group: pid_t, clock: ContinuousClock, note: (String) -> Void) {
        let settle = clock.now + .milliseconds(200)
        while process.isRunning && clock.now < settle { usleep(10_000) }
        guard process.isRunning else { return }
        note("(stopping processes it left running)")
        kill(group, SIGTERM)
        let patience = clock.now + killGrace
        while process.isRunning && clock.now < patience { usleep(20_000) }
        if process.isRunning { kill(group, SIGKILL) }
    }
}
