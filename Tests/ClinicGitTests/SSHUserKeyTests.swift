import ClinicGit
import ClinicTestSupport
import Foundation
import Testing

@Suite("ssh user keys as OpenSSH users expect", .enabled(if: LoopbackSSHServer.available, "needs sshd and ssh-keygen"))
struct SSHUserKeyTests {
    /// OpenSSH 9.2's sshd takes RSA keys only with SHA-2 signatures; libssh2 1.10 makes only
    /// SHA-1 `ssh-rsa` ones, so a key listed in authorized_keys is still refused.
    @Test("an RSA key the server refuses for its SHA-1 signature: the message says so and to make an Ed25519 key")
    func rsaKeyRefused() throws {
        try withScratch { scratch in
            let fixture = try SSHFixture(in: scratch, userKeyType: "rsa")
            defer { fixture.server.stop() }
            let access = try fixture.access(knownHosts: [try fixture.server.knownHostsLine("ed25519")])
            let error = #expect(throws: GitError.self) { try fixture.clone(access) }
            #expect(error?.code == .authentication)
            let message = error?.message ?? ""
            #expect(message.contains("\(fixture.userKey.path) is an RSA key"), "\(message)")
            #expect(message.contains("SHA-1") && message.contains("ssh-keygen -t ed25519"), "\(message)")
            let log = (try? String(contentsOf: fixture.server.log, encoding: .utf8)) ?? ""
            #expect(log.contains("not in PubkeyAcceptedAlgorithms"), "the server refused it for its algorithm: \(log)")
        }
    }

    @Test("an Ed25519 key the server does not know gets no RSA advice")
    func unknownEd25519Key() throws {
        try withScratch { scratch in
            let fixture = try SSHFixture(in: scratch)
            defer { fixture.server.stop() }
            var access = try fixture.access(knownHosts: [try fixture.server.knownHostsLine("ed25519")])
            access.sshKeys = [try LoopbackSSHServer.makeKey("ed25519", name: "stranger", in: scratch)]
            let error = #expect(throws: GitError.self) { try fixture.clone(access) }
            #expect(error?.code == .authentication)
            #expect(error?.message.contains("RSA") == false, "\(String(describing: error))")
        }
    }
}
