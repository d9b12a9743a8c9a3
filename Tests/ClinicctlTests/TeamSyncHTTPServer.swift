import ClinicTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Smart HTTP on a free loopback port: `git http-backend` behind Basic auth that takes only
/// `token` as the password (TeamSyncHTTP/serve.py), serving the bare repositories under
/// `base` with their hooks. Stopped when the value is released.
final class TeamHTTPServer {
    static let backend = URL(fileURLWithPath: "/usr/lib/git-core/git-http-backend")
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: backend.path) && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
    }

    let port: Int
    private let process: Process

    init(serving base: URL, token: String, environment extra: [String: String] = [:]) throws {
        port = try freeLoopbackPort()
        process = Process()
        // Python itself, not a wrapper that would outlive a kill.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            packageRoot.appendingPathComponent("Tests/ClinicctlTests/TeamSyncHTTP/serve.py").path, "\(port)", base.path, token,
            Self.backend.path,
        ]
        // The server's hooks run clinicctl: the one just built, found on the server's PATH.
        process.environment = teamServerEnvironment(extra)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        do { try waitForListener(port: port) } catch {
            stop()
            throw error
        }
    }

    /// The http:// address of the repository `name` under the served folder.
    func url(_ name: String) -> String { "http://127.0.0.1:\(port)/\(name)" }

    func stop() {
        guard process.isRunning else { return }
        // SIGKILL: the test process's blocked signals are inherited, so SIGTERM may never arrive.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }
}
