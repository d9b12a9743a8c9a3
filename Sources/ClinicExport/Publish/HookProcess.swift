import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a hook's process ended.
public enum HookExit: Hashable, Sendable {
    case exited(Int32)
    case signaled(Int32)
    /// Still running at the timeout: it was sent SIGTERM, then SIGKILL.
    case timedOut

    public var succeeded: Bool { self == .exited(0) }
}

/// Runs one program directly (no shell), feeds it `input`, passes each line
/// it writes (stdout and stderr together, in order) to `output`, and stops it
/// at the timeout.
///
/// The program runs in its own process group (Foundation starts children
/// that way), so the timeout stops what it started too: SIGTERM to the
/// group, SIGKILL after `killGrace`.
struct HookProcess {
    var executable: URL
    var environment: [String: String]
    var workingDirectory: URL?
    var timeout: Duration
    var killGrace: Duration
    /// How long to keep reading after the program exits, for output still in
    /// flight; a background child that keeps the output open is not waited for.
    var drainGrace: Duration = .milliseconds(500)

    func run(input: Data, output: (String) -> Void) throws -> HookExit {
        // A deploy hook chosen by the reviewed revision, run directly (no shell);
        // clinicctl itself speaks Git through libgit2 only.
        let process = Process()
        process.executableURL = executable
        process.arguments = []
        process.environment = environment
        process.currentDirectoryURL = workingDirectory
        let stdin = Pipe()
        let combined = Pipe()
        process.standardInput = stdin
        process.standardOutput = combined
        process.standardError = combined
        // The event is small enough for the pipe's buffer: written before the
        // start, it can never block us, nor raise SIGPIPE if the hook exits unread.
        precondition(input.count < 16_384, "the hook's input must fit in a pipe buffer")
        stdin.fileHandleForWriting.write(input)
        try process.run()
        try? stdin.fileHandleForWriting.close()

        let pid = process.processIdentifier
        let group = getpgid(pid) == pid ? -pid : pid
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var terminatedAt: ContinuousClock.Instant?
        var killed = false
        var exitedAt: ContinuousClock.Instant?
        var lines = LineSplitter()
        var shown = HookOutputLimit()
        let fd = combined.fileHandleForReading.fileDescriptor
        var eof = false
        var chunk = [UInt8](repeating: 0, count: 65_536)

        /// Reads what is there within `wait` ms; false at the end of the output.
        func readSome(wait: Int32) -> Bool {
            var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, wait) > 0 else { return true }
            let count = read(fd, &chunk, chunk.count)
            if count > 0 {
                for line in lines.append(chunk[0..<count]) { shown.take(line).map(output) }
                return true
            }
            return !(count == 0 || (errno != EINTR && errno != EAGAIN))
        }

        while true {
            if eof { usleep(20_000) } else { eof = !readSome(wait: 50) }
            let now = clock.now
            if !Self.hasExited(process) {
                if terminatedAt == nil, now >= deadline {
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
            stopLeftovers(process, group: group, clock: clock, output: output)
        }
        // What was stopped closed its end of the output; what still holds it escaped the group.
        let settled = clock.now + .milliseconds(300)
        while !eof && clock.now < settled { eof = !readSome(wait: 50) }
        if let rest = lines.finish() { shown.take(rest).map(output) }
        shown.finish().forEach(output)
        if !eof {
            output("(a process it left running outside its process group still holds its output open; not waited for)")
        }
        let exit = Self.reap(process)
        try? combined.fileHandleForReading.close()
        return terminatedAt != nil ? .timedOut : exit
    }

    /// How the program ended, once it has: from Foundation when it noticed,
    /// else reaped here. Foundation notices an exit only when its watch on the
    /// child closes, and a process the hook started in a session of its own
    /// inherits that watch: waiting for Foundation would wait for that process.
    static func reap(_ process: Process) -> HookExit {
        var status: Int32 = 0
        if process.isRunning, waitpid(process.processIdentifier, &status, 0) == process.processIdentifier {
            return status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
        }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
            ? .signaled(process.terminationStatus) : .exited(process.terminationStatus)
    }
}

extension HookProcess {
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
    func stopLeftovers(_ process: Process, group: pid_t, clock: ContinuousClock, output: (String) -> Void) {
        let settle = clock.now + .milliseconds(200)
        while process.isRunning && clock.now < settle { usleep(10_000) }
        guard process.isRunning else { return }
        output("(stopping processes it left running)")
        kill(group, SIGTERM)
        let patience = clock.now + killGrace
        while process.isRunning && clock.now < patience { usleep(20_000) }
        if process.isRunning { kill(group, SIGKILL) }
    }
}
