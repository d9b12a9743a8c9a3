import Foundation
import Testing

@Suite("Team: the shared repository over ssh", .enabled(if: TeamSSHServer.available, "needs sshd: make test-deps"))
struct TeamSyncSSHTests {
    /// `clinicctl clone` over ssh with `key` and `knownHosts`, timed.
    private func clone(_ box: Sandbox, _ url: String, key: URL, knownHosts: URL) throws -> (Run, TimeInterval, URL) {
        let folder = box.root.appendingPathComponent("clone-\(UUID().uuidString)")
        let started = Date()
        let run = try box.clinicctl(
            ["clone", url, folder.path], in: box.root,
            environment: ["CLINICCTL_SSH_KEY": key.path, "CLINICCTL_KNOWN_HOSTS": knownHosts.path, "SSH_AUTH_SOCK": ""])
        return (run, Date().timeIntervalSince(started), folder)
    }

    @Test func clonesWithTheRightKeyFromAKnownHost() throws {
        let box = try Sandbox(bare: true)
        let ssh = try TeamSSHServer(in: box.root.appendingPathComponent("ssh"))
        defer { ssh.stop() }
        let (run, _, folder) = try clone(box, ssh.url(box.repo), key: ssh.userKey, knownHosts: try ssh.knownHosts(listing: "host-key"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("content/clinic.yaml").path))
    }

    @Test func refusesAWrongKeyAnUnknownOrChangedHostAndADownServerClearlyAndQuickly() throws {
        let box = try Sandbox(bare: true)
        let ssh = try TeamSSHServer(in: box.root.appendingPathComponent("ssh"))
        defer { ssh.stop() }
        let url = ssh.url(box.repo)
        let known = try ssh.knownHosts(listing: "host-key")
        let fingerprint = try ssh.hostFingerprint()

        let cases: [(String, URL, URL, String)] = [
            ("wrong key", ssh.strangerKey, known, "refused the ssh key"),
            ("unknown host", ssh.userKey, ssh.folder.appendingPathComponent("empty-known-hosts"), "is not known"),
            ("changed host key", ssh.userKey, try ssh.knownHosts(listing: "other-host-key"), "has CHANGED"),
        ]
        for (name, key, hosts, words) in cases {
            let (run, seconds, folder) = try clone(box, url, key: key, knownHosts: hosts)
            #expect(run.status == 1, "\(name)")
            #expect(run.stderr.contains(words), "\(name): \(run.stderr)")
            #expect(seconds < 10, "\(name) took \(seconds) s")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path), "\(name)")
            if name != "wrong key" { #expect(run.stderr.contains(fingerprint), "\(name): \(run.stderr)") }
        }
        ssh.stop()
        let (down, seconds, _) = try clone(box, url, key: ssh.userKey, knownHosts: known)
        #expect(down.status == 1)
        #expect(down.stderr.contains("127.0.0.1"), "\(down.stderr)")
        #expect(seconds < 10)
    }
}
