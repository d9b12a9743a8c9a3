import Foundation
import Testing

/// An RSA key in ssh-agent, listed in authorized_keys, is refused by OpenSSH 9.2 (libssh2
/// 1.10 signs only with SHA-1 `ssh-rsa`): the message names the agent's key and says what to do.
@Suite("Team over ssh with an RSA key in ssh-agent", .enabled(if: TeamSSHServer.available, "needs sshd and ssh-agent: make test-deps"))
struct TeamSyncSSHAgentRSATests {
    @Test func theAgentsRSAKeyIsNamedWithTheReason() throws {
        let box = try Sandbox(bare: true)
        let ssh = try TeamSSHServer(in: box.root.appendingPathComponent("ssh"))
        defer { ssh.stop() }
        let key = try SignedSandbox.makeKey(in: ssh.folder, name: "office-rsa", type: ["-t", "rsa", "-b", "2048"])
        let line = try String(contentsOfFile: key + ".pub", encoding: .utf8)
        let authorized = try FileHandle(forWritingTo: ssh.folder.appendingPathComponent("authorized_keys"))
        try authorized.seekToEnd()
        try authorized.write(contentsOf: Data(line.utf8))
        try authorized.close()
        let agent = try TestSSHAgent()
        defer { agent.stop() }
        try agent.add(key, passphrase: "")
        let comment = String(line.split(separator: " ")[2]).trimmingCharacters(in: .whitespacesAndNewlines)

        let run = try box.clinicctl(
            ["clone", ssh.url(box.repo), box.root.appendingPathComponent("office").path], in: box.root,
            environment: [
                "SSH_AUTH_SOCK": agent.socket, "CLINICCTL_SSH_KEY": "",
                "CLINICCTL_KNOWN_HOSTS": try ssh.knownHosts(listing: "host-key").path,
            ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("ssh-agent's \(comment) is an RSA key"), "\(run.stderr)")
        #expect(run.stderr.contains("SHA-1") && run.stderr.contains("ssh-keygen -t ed25519"), "\(run.stderr)")
    }
}
