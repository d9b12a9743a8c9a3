import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why a server a test needs could not be started or reached.
public struct TestServerFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A TCP port on 127.0.0.1 nobody listens on right now (the kernel picks it).
public func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw TestServerFailure("cannot open a socket to find a free loopback port") }
    defer { close(fd) }
    var address = loopbackAddress(port: 0)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw TestServerFailure("cannot find a free loopback port") }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Whether something accepts connections on `host`:`port` now (an IPv4 loopback address).
public func acceptsConnections(port: Int, host: String = "127.0.0.1") -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = loopbackAddress(port: port, host: host)
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
}

/// Waits until something accepts connections on `host`:`port` (an IPv4 loopback address).
public func waitForListener(port: Int, host: String = "127.0.0.1", timeout: TimeInterval = 10) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if acceptsConnections(port: port, host: host) { return }
        usleep(50_000)
    }
    throw TestServerFailure("nothing listens on \(host):\(port) after \(timeout) s")
}

private func loopbackAddress(port: Int, host: String = "127.0.0.1") -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr(host)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    return address
}

/// Where `git` keeps its own programs (`git --exec-path`): `git-daemon` runs directly from
/// there, so stopping it stops the server (the `git daemon` wrapper would leave it running).
public func gitExecPath() throws -> URL {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "--exec-path"]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw TestServerFailure("`git --exec-path` failed: is git installed?") }
    return URL(fileURLWithPath: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
}

/// `git daemon --enable=receive-pack` serving the bare repositories under `base` on a free
/// loopback port, so pushes run the repositories' hooks (a push to a path would skip them).
/// `environment` is the daemon's (and so its hooks') whole environment; nil inherits the test's.
/// Stopped when the value is released.
public final class GitDaemon {
    public let port: Int
    private let process: Process

    public init(serving base: URL, environment: [String: String]? = nil) throws {
        port = try freeLoopbackPort()
        process = Process()
        process.executableURL = try gitExecPath().appendingPathComponent("git-daemon")
        process.arguments = [
            "--reuseaddr", "--base-path=\(base.path)", "--export-all", "--enable=receive-pack",
            "--listen=127.0.0.1", "--port=\(port)", base.path,
        ]
        if let environment { process.environment = environment }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        do { try waitForListener(port: port) } catch {
            stop()
            throw error
        }
    }

    /// The git:// address of the repository `name` under the served folder.
    public func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name)" }

    public func stop() {
        guard process.isRunning else { return }
        // SIGKILL: the test process's blocked signals are inherited, so SIGTERM may never arrive.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }
}
