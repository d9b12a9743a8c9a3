import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Debian's sshd (OpenSSH 9.2) on a free loopback port, as a stock server is set up: host keys
/// of the types asked for (a stock install has Ed25519, ECDSA and RSA), made for the test, and
/// the user keys given authorized for the account running the test. Stopped when released.
public final class LoopbackSSHServer: @unchecked Sendable {
    public let port: Int
    public let folder: URL

    public static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen")
    }

    /// ssh-keygen's arguments for a key type: "ed25519", "ecdsa", "rsa".
    static func keygenArguments(_ type: String) -> [String] {
        switch type {
        case "ecdsa": ["-t", "ecdsa", "-b", "256"]
        case "rsa": ["-t", "rsa", "-b", "2048"]
        default: ["-t", "ed25519"]
        }
    }

    /// Makes a key pair of `type` named `name` in `folder`; returns the private key's file.
    public static func makeKey(_ type: String, name: String, in folder: URL) throws -> URL {
        let key = folder.appendingPathComponent(name)
        try run("/usr/bin/ssh-keygen", keygenArguments(type) + ["-q", "-N", "", "-C", name, "-f", key.path])
        return key
    }

    public init(in folder: URL, hostKeyTypes: [String] = ["ed25519", "ecdsa", "rsa"], authorizing userKeys: [URL]) throws {
        self.folder = folder
        port = try freeLoopbackPort()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var lines = ["Port \(port)", "ListenAddress 127.0.0.1"]
        for type in hostKeyTypes {
            lines.append("HostKey \(try Self.makeKey(type, name: "host-\(type)", in: folder).path)")
        }
        let authorized = try userKeys.map { try String(contentsOf: $0.appendingPathExtension("pub"), encoding: .utf8) }.joined()
        try Data(authorized.utf8).write(to: folder.appendingPathComponent("authorized_keys"))
        lines += [
            "AuthorizedKeysFile \(folder.path)/authorized_keys", "PermitRootLogin prohibit-password", "PasswordAuthentication no",
            "KbdInteractiveAuthentication no", "StrictModes no", "UsePAM no", "LogLevel VERBOSE", "PidFile \(folder.path)/sshd.pid", "",
        ]
        try Data(lines.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("sshd_config"))
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        // sshd detaches by itself and is stopped through its pid file.
        try Self.run("/usr/sbin/sshd", ["-f", folder.appendingPathComponent("sshd_config").path, "-E", log.path])
        try waitForListener(port: port)
    }

    /// What sshd logged (at VERBOSE: each key it refused, and why).
    public var log: URL { folder.appendingPathComponent("sshd.log") }

    /// The server's public host key of `type` ("ed25519"), as `type base64` .
    public func hostKey(_ type: String) throws -> String {
        let fields = try String(contentsOf: folder.appendingPathComponent("host-\(type).pub"), encoding: .utf8).split(separator: " ")
        return "\(fields[0]) \(fields[1])"
    }

    /// The known_hosts line of the host key of `type` for this server.
    public func knownHostsLine(_ type: String, host: String = "127.0.0.1") throws -> String {
        "[\(host)]:\(port) \(try hostKey(type))"
    }

    /// What `ssh-keygen -lf` prints as the fingerprint of the host key of `type` (`SHA256:…`).
    public func fingerprint(_ type: String) throws -> String {
        let text = try Self.run(
            "/usr/bin/ssh-keygen", ["-l", "-E", "sha256", "-f", folder.appendingPathComponent("host-\(type).pub").path])
        return String(text.split(separator: " ")[1])
    }

    /// `ssh://USER@127.0.0.1:PORT/path`, for the account running the test.
    public func url(_ repository: URL) -> String { "ssh://\(NSUserName())@127.0.0.1:\(port)\(repository.path)" }

    public func stop() {
        let pidFile = folder.appendingPathComponent("sshd.pid")
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8),
            let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { return }
        kill(pid, SIGKILL)
        try? FileManager.default.removeItem(at: pidFile)
        for _ in 0..<100 where kill(pid, 0) == 0 { usleep(20_000) }
    }

    deinit { stop() }

    @discardableResult
    static func run(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestServerFailure("\(path) \(arguments.joined(separator: " ")) failed") }
        return String(decoding: data, as: UTF8.self)
    }
}
