import Foundation
import Testing

/// A newcomer with a key in `~/.ssh`, no ssh-agent and no CLINICCTL_SSH_KEY: clone and sync
/// offer the default keys as plain ssh does (issue 24, item 7).
@Suite("Team over ssh with only ~/.ssh's default keys", .enabled(if: TeamSSHServer.available, "needs sshd: make test-deps"))
struct TeamSyncSSHDefaultKeyTests {
    /// A HOME made for the test: `.ssh/known_hosts` listing the server, and `keys` (name under
    /// .ssh → the private key copied there, with its .pub).
    func home(_ box: Sandbox, _ ssh: TeamSSHServer, keys: [String: URL]) throws -> URL {
        let home = box.root.appendingPathComponent("home-\(UUID().uuidString)")
        let folder = home.appendingPathComponent(".ssh")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try ssh.knownHosts(listing: "host-key"), to: folder.appendingPathComponent("known_hosts"))
        for (name, key) in keys {
            try FileManager.default.copyItem(at: key, to: folder.appendingPathComponent(name))
            try FileManager.default.copyItem(atPath: key.path + ".pub", toPath: folder.appendingPathComponent(name + ".pub").path)
        }
        return home
    }

    /// No agent, no key named: only HOME says where keys are.
    func environment(_ home: URL) -> [String: String] {
        ["HOME": home.path, "SSH_AUTH_SOCK": "", "CLINICCTL_SSH_KEY": ""]
    }

    /// Makes a key of `type` in the server's folder and lets the server accept it.
    func authorizedKey(_ ssh: TeamSSHServer, _ name: String, type: [String], passphrase: String = "") throws -> URL {
        let key = try SignedSandbox.makeKey(in: ssh.folder, name: name, type: type, passphrase: passphrase)
        let line = try String(contentsOfFile: key + ".pub", encoding: .utf8)
        let authorized = try FileHandle(forWritingTo: ssh.folder.appendingPathComponent("authorized_keys"))
        try authorized.seekToEnd()
        try authorized.write(contentsOf: Data(line.utf8))
        try authorized.close()
        return URL(fileURLWithPath: key)
    }

    @Test func clonesAndSyncsWithOnlyID25519AndNoAgent() throws {
        let box = try Sandbox(bare: true)
        let ssh = try TeamSSHServer(in: box.root.appendingPathComponent("ssh"))
        defer { ssh.stop() }
        let url = ssh.url(box.repo)
        let keyless = try home(box, ssh, keys: [:])
        let refused = try box.clinicctl(
            ["clone", url, box.root.appendingPathComponent("x").path], in: box.root, environment: environment(keyless))
        #expect(refused.status == 1 && refused.stderr.contains("nothing to offer"), "\(refused.stderr)")

        let home = try home(box, ssh, keys: ["id_ed25519": ssh.userKey])
        let office = box.root.appendingPathComponent("office")
        let cloned = try box.clinicctl(["clone", url, office.path], in: box.root, environment: environment(home))
        #expect(cloned.status == 0, "\(cloned.stderr)")
        let added = try box.clinicctl(["faq", "add", "--question", "Is there parking?", "--answer", "Yes."], in: office)
        #expect(added.status == 0, "\(added.stderr)")
        let synced = try box.clinicctl(["sync"], in: office, environment: environment(home))
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stdout.contains("draft faq-is-there-parking: pushed"), "\(synced.stdout)")
        #expect(try box.git(["rev-parse", "--verify", "refs/heads/drafts/faq-is-there-parking"]).status == 0)
    }

    @Test func aRefusedDefaultKeyIsFollowedByTheNextOne() throws {
        let box = try Sandbox(bare: true)
        let ssh = try TeamSSHServer(in: box.root.appendingPathComponent("ssh"))
        defer { ssh.stop() }
        let ecdsa = try authorizedKey(ssh, "office-ecdsa", type: ["-t", "ecdsa", "-b", "256"])
        let home = try home(box, ssh, keys: ["id_ed25519": ssh.strangerKey, "id_ecdsa": ecdsa])
        let office = box.root.appendingPathComponent("office")
        let cloned = try box.clinicctl(["clone", ssh.url(box.repo), office.path], in: box.root, environment: environment(home))
        #expect(cloned.status == 0, "\(cloned.stderr)")
        let log = try String(contentsOf: ssh.folder.appendingPathComponent("sshd.log"), encoding: .utf8)
        let accepted = log.split(separator: "\n").filter { $0.contains("Accepted publickey") }
        let fingerprint = try SignedSandbox.fingerprint(ecdsa.path)
        #expect(accepted.count == 1 && accepted[0].contains("ECDSA \(fingerprint)"), "\(log)")
    }

    @Test func aDefaultKeyWithAPassphraseIsNamedNotTried() throws {
        let box = try Sandbox(bare: true)
        let ssh = try TeamSSHServer(in: box.root.appendingPathComponent("ssh"))
        defer { ssh.stop() }
        let locked = try authorizedKey(ssh, "office-locked", type: ["-t", "ed25519"], passphrase: "front desk")
        let home = try home(box, ssh, keys: ["id_ed25519": locked])
        let office = box.root.appendingPathComponent("office")
        let started = Date()
        let run = try box.clinicctl(["clone", ssh.url(box.repo), office.path], in: box.root, environment: environment(home))
        #expect(run.status == 1)
        let key = home.appendingPathComponent(".ssh/id_ed25519").path
        #expect(run.stderr.contains("\(key) is protected by a passphrase"), "\(run.stderr)")
        #expect(run.stderr.contains("ssh-add \(key)"), "\(run.stderr)")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(!FileManager.default.fileExists(atPath: office.path))
    }
}
