import ClinicGit
import ClinicTestSupport
import Foundation
import Testing

@Suite("~/.ssh/config Host blocks, read as ssh reads them")
struct SSHConfigTests {
    let home = URL(fileURLWithPath: "/home/olivia")

    @Test("first value wins, IdentityFile adds up, patterns and negations, Keyword=value, quotes, ~ and %h")
    func readsHostBlocks() {
        let config = SSHConfig(
            text: """
                # the clinic's server
                Host clinic-server clinic
                  HostName git.clinic.example
                  Port 2222
                  User olivia
                  IdentityFile ~/.ssh/clinic_ed25519
                Host *.example !secret.example
                  User=office
                  IdentityFile "%d/.ssh/id_%h"
                Match host other exec "false"
                  User nobody
                Host *
                  Port 22
                  HostName %h.lan
                  IdentityFile ~/.ssh/id_ed25519
                """, home: home)
        let clinic = config.host("clinic-server")
        #expect(clinic.hostName == "git.clinic.example" && clinic.port == 2222 && clinic.user == "olivia")
        #expect(clinic.identityFiles.map(\.path) == ["/home/olivia/.ssh/clinic_ed25519", "/home/olivia/.ssh/id_ed25519"])
        let office = config.host("files.example")
        #expect(office.user == "office" && office.port == 22 && office.hostName == "files.example.lan")
        #expect(office.identityFiles.map(\.path) == ["/home/olivia/.ssh/id_files.example", "/home/olivia/.ssh/id_ed25519"])
        #expect(config.host("secret.example").user == nil, "negated")
        #expect(config.host("other").user == nil, "a Match block with criteria is not used")
    }

    @Test("a missing file says nothing")
    func missingFile() {
        #expect(SSHConfig(contentsOf: URL(fileURLWithPath: "/nonexistent/.ssh/config")).host("clinic").isEmpty)
    }
}

@Suite("ssh addresses through ~/.ssh/config", .enabled(if: LoopbackSSHServer.available, "needs sshd and ssh-keygen"))
struct SSHConfigServerTests {
    /// libgit2 itself reads no ssh configuration: `clinic-server:…` failed with "failed to
    /// resolve address for clinic-server".
    @Test("a Host alias with HostName, Port, User and IdentityFile: clone, push and fetch, scp-like and ssh://", arguments: [false, true])
    func aliasResolved(_ scpLike: Bool) throws {
        try withScratch { scratch in
            let fixture = try SSHFixture(in: scratch)
            defer { fixture.server.stop() }
            let home = scratch.appendingPathComponent("home")
            try writeFile(
                ".ssh/config",
                """
                Host clinic-server
                    HostName 127.0.0.1
                    Port \(fixture.server.port)
                    User \(NSUserName())
                    IdentityFile \(fixture.userKey.path)

                """, in: home)
            var access = try fixture.access(knownHosts: [try fixture.server.knownHostsLine("ed25519")])
            access.sshKeys = []
            access.sshConfig = home.appendingPathComponent(".ssh/config")
            let address = scpLike ? "clinic-server:\(fixture.repository.path)" : "ssh://clinic-server\(fixture.repository.path)"
            let clone = try cloneAndSync(address, access, in: scratch)
            #expect(try clone.remoteURL("origin") == address, "the alias is stored as written")
            #expect(try clone.referenceTarget("refs/remotes/origin/main") == gitID("main", in: fixture.repository))
        }
    }
}
