import ClinicGit
import Foundation
import Testing

@testable import ClinicWorkflow

/// Which ssh key files go to a server, from the injected variables only (issue 24, item 7).
@Suite("ssh key files: CLINICCTL_SSH_KEY, else ssh-agent, else ~/.ssh's default keys")
struct SSHKeyFilesTests {
    /// A HOME holding `keys` (names under .ssh, each with a .pub), removed after `body`.
    func withHome(_ keys: [String], _ body: (URL) throws -> Void) throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("clinicctl-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let ssh = home.appendingPathComponent(".ssh")
        try FileManager.default.createDirectory(at: ssh, withIntermediateDirectories: true)
        for name in keys {
            try Data("private \(name)\n".utf8).write(to: ssh.appendingPathComponent(name))
            try Data("public \(name)\n".utf8).write(to: ssh.appendingPathComponent(name + ".pub"))
        }
        try body(home)
    }

    func offered(_ variables: [String: String]) -> [String] {
        WorkEnvironment(variables: variables).networkAccess.sshKeys.map(\.lastPathComponent)
    }

    @Test("without agent or CLINICCTL_SSH_KEY: id_ed25519, id_ecdsa, id_rsa, those that exist, in that order")
    func defaultOrder() throws {
        try withHome(["id_rsa", "id_dsa", "id_ed25519", "other"]) { home in
            #expect(offered(["HOME": home.path]) == ["id_ed25519", "id_rsa"])
            #expect(offered(["HOME": home.path, "SSH_AUTH_SOCK": ""]) == ["id_ed25519", "id_rsa"])
        }
        try withHome(["id_ecdsa", "id_rsa", "id_ed25519"]) { home in
            #expect(offered(["HOME": home.path]) == ["id_ed25519", "id_ecdsa", "id_rsa"])
            #expect(WorkEnvironment(variables: ["HOME": home.path]).networkAccess.useSSHAgent == false)
        }
        try withHome([]) { home in #expect(offered(["HOME": home.path]) == []) }
    }

    @Test("CLINICCTL_SSH_KEY alone, whatever ~/.ssh holds")
    func explicitKey() throws {
        try withHome(["id_ed25519"]) { home in
            let access = WorkEnvironment(variables: ["HOME": home.path, "CLINICCTL_SSH_KEY": "/keys/office"]).networkAccess
            #expect(access.sshKeys == [URL(fileURLWithPath: "/keys/office")])
            #expect(offered(["HOME": home.path, "CLINICCTL_SSH_KEY": ""]) == ["id_ed25519"])
        }
    }

    @Test("a usable agent answers instead of the default keys; an agent whose socket is gone does not")
    func agent() throws {
        try withHome(["id_ed25519"]) { home in
            let socket = home.appendingPathComponent("agent.sock")
            try Data().write(to: socket)
            let withAgent = WorkEnvironment(variables: ["HOME": home.path, "SSH_AUTH_SOCK": socket.path]).networkAccess
            #expect(withAgent.sshKeys == [] && withAgent.useSSHAgent)
            let gone = home.appendingPathComponent("gone.sock").path
            let stale = WorkEnvironment(variables: ["HOME": home.path, "SSH_AUTH_SOCK": gone]).networkAccess
            #expect(stale.sshKeys.map(\.lastPathComponent) == ["id_ed25519"] && !stale.useSSHAgent)
        }
    }

    @Test("HOME comes from the injected variables: without it, no default key")
    func homeFromVariables() throws {
        #expect(offered([:]) == [])
        try withHome(["id_ed25519"]) { home in
            #expect(
                WorkEnvironment(variables: ["HOME": home.path]).networkAccess.sshKeys == [home.appendingPathComponent(".ssh/id_ed25519")])
        }
    }

    @Test("the certificate authorities for https come from the injected variables, and nothing else of them")
    func certificateVariables() {
        let variables = [
            "GIT_SSL_CAINFO": "/c/ca.pem", "GIT_SSL_CAPATH": "/c/cas", "SSL_CERT_FILE": "/s/ca.pem", "SSL_CERT_DIR": "/s/cas",
            "HOME": "/home/o", "CLINICCTL_TOKEN": "secret", "PATH": "/bin",
        ]
        #expect(
            WorkEnvironment(variables: variables).networkAccess.certificateVariables
                == variables.filter { !["CLINICCTL_TOKEN", "PATH"].contains($0.key) })
        #expect(WorkEnvironment(variables: [:]).networkAccess.certificateVariables == [:])
    }
}

@Suite("~/.ssh/config comes from the injected HOME")
struct SSHConfigFileTests {
    @Test func fromHome() {
        #expect(WorkEnvironment(variables: ["HOME": "/home/o"]).networkAccess.sshConfig == URL(fileURLWithPath: "/home/o/.ssh/config"))
        #expect(WorkEnvironment(variables: [:]).networkAccess.sshConfig == nil)
    }
}
