import ClinicTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Debian's gitolite3 behind sshd on a free loopback port: a gitolite home made for the test
/// (`gitolite setup`), one key per person in its keydir, the repository `clinic` made by
/// `clinicctl init --bare` with clinicctl's hooks as gitolite repo-specific hooks (its
/// multi-hook driver runs them after gitolite's own access check). sshd logs everyone in as
/// the test's account and hands the key to gitolite-shell, as on a gitolite server.
final class GitoliteServer {
    static var available: Bool {
        ["/usr/bin/gitolite", "/usr/sbin/sshd", "/usr/bin/ssh-keygen"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    let folder: URL
    let port: Int
    var home: URL { folder.appendingPathComponent("home") }
    var repository: URL { home.appendingPathComponent("repositories/clinic.git") }
    var webRoot: URL { folder.appendingPathComponent("www") }
    var knownHosts: URL { folder.appendingPathComponent("known_hosts") }
    func key(_ person: String) -> URL { folder.appendingPathComponent("keys/\(person)") }
    var url: String { "ssh://\(NSUserName())@127.0.0.1:\(port)/clinic" }

    init(in folder: URL, people: [String], box: Sandbox) throws {
        self.folder = folder
        port = try freeLoopbackPort()
        let keys = folder.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: webRoot, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        for name in ["admin", "host"] + people {
            try TeamSSHServer.run(
                "/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", keys.appendingPathComponent(name).path])
        }
        try gitolite(["setup", "-pk", key("admin").path + ".pub"])
        // Repo-specific hooks, from the admin's own local code folder (not from a push).
        let rc = home.appendingPathComponent(".gitolite.rc")
        var text = try String(contentsOf: rc, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "# LOCAL_CODE                =>  \"$rc{GL_ADMIN_BASE}/local\",",
            with: "LOCAL_CODE                =>  \"$rc{GL_ADMIN_BASE}/local\",")
        text = text.replacingOccurrences(of: "# 'repo-specific-hooks',", with: "'repo-specific-hooks',")
        try Data(text.utf8).write(to: rc)

        let made = try box.clinicctl(
            ["init", repository.path, "--bare", "--from", packageRoot.appendingPathComponent("content").path]
                + ["--hooks", packageRoot.appendingPathComponent("hooks").path, "--reviewer", Sandbox.reviewer], in: folder)
        guard made.status == 0 else { throw TestServerFailure("clinicctl init: \(made.stderr)") }
        let install = try box.clinicctl(["hooks", "install", "--server", "--repo", repository.path, "--webroot", webRoot.path], in: folder)
        guard install.status == 0 else { throw TestServerFailure("clinicctl hooks install: \(install.stderr)") }
        let local = home.appendingPathComponent(".gitolite/local/hooks/repo-specific")
        try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
        for hook in ["pre-receive", "post-receive"] {
            try FileManager.default.copyItem(
                at: repository.appendingPathComponent("hooks/\(hook)"), to: local.appendingPathComponent("clinicctl-\(hook)"))
        }
        for person in people {
            try FileManager.default.copyItem(
                at: URL(fileURLWithPath: key(person).path + ".pub"), to: home.appendingPathComponent(".gitolite/keydir/\(person).pub"))
        }
        let conf = home.appendingPathComponent(".gitolite/conf/gitolite.conf")
        let rules = """

            repo clinic
                RW+     =   \(people.joined(separator: " "))
                option hook.pre-receive = clinicctl-pre-receive
                option hook.post-receive = clinicctl-post-receive

            """
        try Data((try String(contentsOf: conf, encoding: .utf8) + rules).utf8).write(to: conf)
        try gitolite(["compile"])
        try gitolite(["trigger", "POST_COMPILE"])
        try startSSHD()
    }

    private func startSSHD() throws {
        let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(key("host").path)
            AuthorizedKeysFile \(home.path)/.ssh/authorized_keys
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            StrictModes no
            UsePAM no
            SetEnv HOME=\(home.path)
            PidFile \(folder.path)/sshd.pid

            """
        try Data(config.utf8).write(to: folder.appendingPathComponent("sshd_config"))
        let host = try String(contentsOf: URL(fileURLWithPath: key("host").path + ".pub"), encoding: .utf8).split(separator: " ")
        try Data("[127.0.0.1]:\(port) \(host[0]) \(host[1])\n".utf8).write(to: knownHosts)
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        try TeamSSHServer.run(
            "/usr/sbin/sshd",
            ["-f", folder.appendingPathComponent("sshd_config").path, "-E", folder.appendingPathComponent("sshd.log").path])
        try waitForListener(port: port)
    }

    /// `gitolite` with the test's gitolite home.
    private func gitolite(_ arguments: [String]) throws {
        let run = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/gitolite"), arguments, in: folder, environment: ["HOME": home.path], stdin: nil)
        guard run.status == 0 else { throw TestServerFailure("gitolite \(arguments.joined(separator: " ")): \(run.stderr)") }
    }

    func stop() {
        let pidFile = folder.appendingPathComponent("sshd.pid")
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8),
            let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { return }
        kill(pid, SIGKILL)
        try? FileManager.default.removeItem(at: pidFile)
        for _ in 0..<100 where kill(pid, 0) == 0 { usleep(20_000) }
    }

    deinit { stop() }
}
