import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A port on 127.0.0.1 nobody listens on right now (the kernel picks it).
func teamFreePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Int32 in
            guard bind(fd, raw, length) == 0 else { return -1 }
            return getsockname(fd, raw, &length)
        }
    }
    guard bound == 0 else { throw SandboxError(message: "cannot find a free loopback port") }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Waits until something accepts connections on 127.0.0.1:`port`.
func teamWaitForListener(port: Int, timeout: TimeInterval = 10) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        close(fd)
        if connected == 0 { return }
        usleep(50_000)
    }
    throw SandboxError(message: "nothing listens on 127.0.0.1:\(port) after \(timeout) s")
}

/// Where `git` keeps its own programs (`git --exec-path`).
func teamGitExecPath() throws -> URL {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "--exec-path"]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return URL(fileURLWithPath: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
}

/// `git daemon --enable=receive-pack` serving the bare repositories under `base` on a free
/// loopback port, so pushes run the repositories' hooks (a push to a path would skip them).
/// Stopped when the value is released.
final class TeamGitServer {
    let port: Int
    private let process: Process

    init(serving base: URL, environment extra: [String: String] = [:]) throws {
        port = try teamFreePort()
        process = Process()
        // The daemon itself, not the `git` wrapper, which would outlive a terminate.
        process.executableURL = try teamGitExecPath().appendingPathComponent("git-daemon")
        process.arguments = [
            "--reuseaddr", "--base-path=\(base.path)", "--export-all", "--enable=receive-pack",
            "--listen=127.0.0.1", "--port=\(port)", base.path,
        ]
        // The server's hooks run clinicctl: the one just built, found on the daemon's PATH.
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = clinicctlBinary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["HOME"] = FileManager.default.temporaryDirectory.path
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try teamWaitForListener(port: port)
    }

    /// The git:// address of the repository `name` under the served folder.
    func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name)" }

    func stop() {
        guard process.isRunning else { return }
        // SIGKILL: the test process's blocked signals are inherited, so SIGTERM may never arrive.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }
}
