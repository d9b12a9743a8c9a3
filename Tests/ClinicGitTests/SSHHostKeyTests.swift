import ClinicGit
import ClinicTestSupport
import Foundation
import Testing

/// A stock sshd (Ed25519, ECDSA and RSA host keys) serving `clinic.git`, and the user key it takes.
struct SSHFixture {
    let server: LoopbackSSHServer
    let repository: URL
    let userKey: URL
    let scratch: URL

    init(in scratch: URL, hostKeyTypes: [String] = ["ed25519", "ecdsa", "rsa"], userKeyType: String = "ed25519") throws {
        self.scratch = scratch
        userKey = try LoopbackSSHServer.makeKey(userKeyType, name: "user-\(userKeyType)", in: scratch)
        server = try LoopbackSSHServer(in: scratch.appendingPathComponent("sshd"), hostKeyTypes: hostKeyTypes, authorizing: [userKey])
        repository = try servedRepositories(in: scratch).appendingPathComponent("clinic.git")
    }

    /// Access with the user key and a known_hosts file holding `lines`, in that order.
    func access(knownHosts lines: [String]) throws -> NetworkAccess {
        let file = scratch.appendingPathComponent("known_hosts-\(UUID().uuidString.prefix(6))")
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: file)
        return NetworkAccess(sshKeys: [userKey], useSSHAgent: false, knownHosts: file)
    }

    func clone(_ access: NetworkAccess, url: String? = nil) throws -> Repository {
        try Repository.clone(
            from: url ?? server.url(repository), into: scratch.appendingPathComponent("clone-\(UUID().uuidString.prefix(6))"),
            branch: "main", access: access)
    }
}

@Suite("ssh host keys as OpenSSH users expect", .enabled(if: LoopbackSSHServer.available, "needs sshd and ssh-keygen"))
struct SSHHostKeyTests {
    /// libgit2 1.5.1 asks libssh2 for the type of the first known_hosts line only (from the
    /// process's own ~/.ssh/known_hosts), else ECDSA first: a host known by its Ed25519 key was
    /// shown an ECDSA key and refused, and an RSA line first could not be used at all with
    /// OpenSSH 9.2 (libssh2 1.10 has only SHA-1 ssh-rsa).
    @Test(
        "a host listed by its keys in any order of lines is trusted",
        arguments: [
            ["ed25519"], ["ecdsa"], ["rsa", "ed25519"], ["rsa", "ecdsa", "ed25519"], ["ecdsa", "rsa"], ["ed25519", "ecdsa", "rsa"],
        ])
    func anyOrderOfLines(_ types: [String]) throws {
        try withScratch { scratch in
            let fixture = try SSHFixture(in: scratch)
            defer { fixture.server.stop() }
            let access = try fixture.access(knownHosts: try types.map { try fixture.server.knownHostsLine($0) })
            let clone = try fixture.clone(access)
            #expect(try clone.resolveCommit("HEAD") == gitID("main", in: fixture.repository))
        }
    }

    @Test("an unknown host shows its Ed25519 fingerprint, the one docs/team.md tells the administrator to read out")
    func unknownHostShowsEd25519() throws {
        try withScratch { scratch in
            let fixture = try SSHFixture(in: scratch)
            defer { fixture.server.stop() }
            let error = #expect(throws: GitError.self) { try fixture.clone(try fixture.access(knownHosts: [])) }
            #expect(error?.code == .hostKey)
            let message = error?.message ?? ""
            #expect(message.contains("ssh-ed25519 host key \(try fixture.server.fingerprint("ed25519"))"), "\(message)")
        }
    }

    @Test("a host listed only by its RSA key: the Ed25519 key shown, and why the RSA line cannot be used")
    func onlyRSAListed() throws {
        try withScratch { scratch in
            let fixture = try SSHFixture(in: scratch)
            defer { fixture.server.stop() }
            let error = #expect(throws: GitError.self) {
                try fixture.clone(try fixture.access(knownHosts: [try fixture.server.knownHostsLine("rsa")]))
            }
            #expect(error?.code == .hostKey)
            let message = error?.message ?? ""
            #expect(message.contains(try fixture.server.fingerprint("ed25519")), "\(message)")
            #expect(message.contains("lists only an ssh-rsa key") && message.contains("ssh-keyscan -t ed25519"), "\(message)")
        }
    }

    @Test("a changed Ed25519 key is still refused as changed")
    func changedKey() throws {
        try withScratch { scratch in
            let fixture = try SSHFixture(in: scratch)
            defer { fixture.server.stop() }
            let stranger = try LoopbackSSHServer.makeKey("ed25519", name: "stranger-host", in: scratch)
            let fields = try String(contentsOf: stranger.appendingPathExtension("pub"), encoding: .utf8).split(separator: " ")
            let line = "[127.0.0.1]:\(fixture.server.port) \(fields[0]) \(fields[1])"
            let error = #expect(throws: GitError.self) { try fixture.clone(try fixture.access(knownHosts: [line])) }
            #expect(error?.message.contains("has CHANGED") == true, "\(String(describing: error))")
        }
    }
}
