import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Debian's Apache on a free loopback port, as a clinic's IT person would set it up: the bare
/// repositories under a folder served by `git http-backend` (`ScriptAlias /git/`), Basic auth
/// from an htpasswd file made here, TLS with a server certificate from a test-made CA. Its own
/// config, pid file and logs live in `folder` (`ApacheConfig` writes the config). Run as root,
/// Apache serves as www-data, so the served folders are handed to www-data. Stopped, with its
/// whole process group, when released.
public final class ApacheGitServer: @unchecked Sendable {
    static let binary = "/usr/sbin/apache2"
    static let htpasswd = "/usr/bin/htpasswd"
    public static let modules = "/usr/lib/apache2/modules"

    /// Whether Apache, its CGI module and htpasswd are installed (`make test-deps`).
    public static var available: Bool {
        [binary, htpasswd, "\(modules)/mod_cgi.so", "\(modules)/mod_ssl.so", GitHTTPServer.backend].allSatisfy {
            FileManager.default.isExecutableFile(atPath: $0) || FileManager.default.fileExists(atPath: $0)
        }
    }

    /// The account the CGI (and so the repositories' hooks) runs as, when the test is root.
    public static var serviceAccount: String? { getuid() == 0 ? "www-data" : nil }

    public let port: Int
    public let folder: URL
    public var accessLog: URL { folder.appendingPathComponent("logs/access.log") }
    public var errorLog: URL { folder.appendingPathComponent("logs/error.log") }
    public var configFile: URL { folder.appendingPathComponent("httpd.conf") }
    private let process: Process

    /// Serves the repositories under `base` to `users` (name: password); `writable` (the
    /// repositories, the web root) are given to the service account when there is one.
    public init(
        serving base: URL, users: [String: String], authority: TestCertificateAuthority, writable: [URL], in folder: URL
    ) throws {
        self.folder = folder
        port = try freeLoopbackPort()
        for sub in ["logs", "run"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let passwords = folder.appendingPathComponent("htpasswd")
        for (index, (user, password)) in users.sorted(by: { $0.key < $1.key }).enumerated() {
            try Self.run(Self.htpasswd, (index == 0 ? ["-cbB"] : ["-bB"]) + [passwords.path, user, password])
        }
        let config = ApacheConfig(
            folder: folder, port: port, projectRoot: base, passwords: passwords, certificate: authority.serverCertificate,
            key: authority.serverKey, account: Self.serviceAccount)
        let configFile = folder.appendingPathComponent("httpd.conf")
        try Data(config.text.utf8).write(to: configFile)
        if let account = Self.serviceAccount {
            for url in writable + [folder.appendingPathComponent("logs"), folder.appendingPathComponent("run")] {
                try Self.run("/bin/chown", ["-R", "\(account):\(account)", url.path])
            }
        }
        try Self.run(Self.binary, ["-t", "-f", configFile.path])
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        // In the foreground, as the test's child: its own process group (Foundation starts each
        // child in one), so the stop reaches the workers and their CGIs too.
        process.arguments = ["-DFOREGROUND", "-f", configFile.path]
        process.environment = ["PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        do { try waitForListener(port: port) } catch {
            stop()
            throw TestServerFailure("\(error); Apache's log: \((try? String(contentsOf: errorLog, encoding: .utf8)) ?? "none")")
        }
    }

    /// The https address of the repository `name` under the served folder, with `user` in it.
    public func url(_ name: String, user: String) -> String { "https://\(user)@127.0.0.1:\(port)/git/\(name)" }

    /// The access log's lines: `address user "request" status`.
    public var accessLines: [String] {
        ((try? String(contentsOf: accessLog, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// What fail2ban's apache-auth filter counts: a login refused for a user or password.
    public var failedLogins: [String] {
        ((try? String(contentsOf: errorLog, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init).filter {
            $0.contains("AH01617") || $0.contains("AH01618") || $0.contains("AH01614")
        }
    }

    /// Stops Apache: SIGTERM to its process group (the parent then reaps its workers), SIGKILL
    /// to the group after 5 s.
    public func stop() {
        guard process.isRunning else { return }
        let group = process.processIdentifier
        kill(-group, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(-group, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }

    /// The ids of processes still running this server's config (none after `stop()`).
    public var runningProcesses: [Int32] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return ids.compactMap(Int32.init).filter { id in
            guard let data = FileManager.default.contents(atPath: "/proc/\(id)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).contains(configFile.path)
        }
    }

    static func run(_ path: String, _ arguments: [String]) throws { try runTestTool(path, arguments) }
}
