import ClinicTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Debian's sshd on a free loopback port, with a host key and an authorized user key made
/// for the test (`make test-deps` installs openssh-server). Stopped when released.
final class TeamSSHServer {
    let port: Int
    let folder: URL
    /// The key the server accepts, and one it does not.
    var userKey: URL { folder.appendingPathComponent("user-key") }
    var strangerKey: URL { folder.appendingPathComponent("stranger-key") }

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") }

    init(in folder: URL) throws {
        self.folder = folder
        port = try freeLoopbackPort()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["host-key", "user-key", "stranger-key", "other-host-key"] {
            try Self.run(
                "/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", folder.appendingPathComponent(name).path])
        }
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("user-key.pub"), to: folder.appendingPathComponent("authorized_keys"))
        let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(folder.path)/host-key
            AuthorizedKeysFile \(folder.path)/authorized_keys
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            StrictModes no
            UsePAM no
            PidFile \(folder.path)/sshd.pid

            """
        try Data(config.utf8).write(to: folder.appendingPathComponent("sshd_config"))
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        // sshd detaches by itself and is stopped through its pid file: a long-lived sshd child of
        // the test process was seen to stop Foundation from reaping the test's other children.
        let starter = Process()
        starter.executableURL = URL(fileURLWithPath: "/usr/sbin/sshd")
        starter.arguments = ["-f", folder.appendingPathComponent("sshd_config").path, "-E", folder.appendingPathComponent("sshd.log").path]
        starter.standardOutput = FileHandle.nullDevice
        starter.standardError = FileHandle.nullDevice
        try starter.run()
        starter.waitUntilExit()
        try waitForListener(port: port)
    }

    /// A known_hosts file listing `hostKey` ("host-key", the server's; "other-host-key", a stranger's) for this server.
    func knownHosts(listing hostKey: String) throws -> URL {
        let line = try String(contentsOf: folder.appendingPathComponent("\(hostKey).pub"), encoding: .utf8).split(separator: " ")
        let file = folder.appendingPathComponent("known_hosts-\(hostKey)")
        try Data("[127.0.0.1]:\(port) \(line[0]) \(line[1])\n".utf8).write(to: file)
        return file
    }

    /// The server's host key fingerprint, as ssh-keygen prints it.
    func hostFingerprint() throws -> String {
        String(
            try Self.run("/usr/bin/ssh-keygen", ["-l", "-E", "sha256", "-f", folder.appendingPathComponent("host-key.pub").path]).split(
                separator: " ")[1])
    }

    func url(_ repository: URL) -> String { "ssh://\(NSUserName())@127.0.0.1:\(port)\(repository.path)" }

    func stop() {
        let pidFile = folder.appendingPathComponent("sshd.pid")
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8),
            let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { return }
        kill(pid, SIGKILL)
        try? FileManager.default.removeItem(at: pidFile)
        // Wait for the port to close, so a "server down" check right after sees it down.
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
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
