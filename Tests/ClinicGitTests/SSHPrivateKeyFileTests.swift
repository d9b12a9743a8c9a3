import ClinicTestSupport
import Foundation
import Testing

@testable import ClinicGit

/// Whether a key file needs a passphrase is read from the file, before libssh2 is given it.
@Suite("ssh private key files that need a passphrase")
struct SSHPrivateKeyFileTests {
    @Test("keys made by ssh-keygen, with and without a passphrase, every kind and both formats")
    func madeBySSHKeygen() throws {
        let keys = try SSHKeys()
        defer { keys.remove() }
        for (type, _) in SSHKeys.types {
            let open = try keys.make(type, name: "\(type)-open")
            let locked = try keys.make(type, name: "\(type)-locked", passphrase: "s3cret pass")
            #expect(!SSHPrivateKeyFile.needsPassphrase(URL(fileURLWithPath: open)), "\(type)")
            #expect(SSHPrivateKeyFile.needsPassphrase(URL(fileURLWithPath: locked)), "\(type)")
        }
        // The older PEM format, as `ssh-keygen -m PEM` writes it.
        let pem = keys.folder.appendingPathComponent("rsa-pem").path
        try SSHKeys.run("/usr/bin/ssh-keygen", ["-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "pem pass", "-f", pem])
        #expect(SSHPrivateKeyFile.needsPassphrase(URL(fileURLWithPath: pem)))
        let openPEM = keys.folder.appendingPathComponent("rsa-pem-open").path
        try SSHKeys.run("/usr/bin/ssh-keygen", ["-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-f", openPEM])
        #expect(!SSHPrivateKeyFile.needsPassphrase(URL(fileURLWithPath: openPEM)))
    }

    @Test("a missing, empty or unknown file is left to libssh2")
    func unknown() throws {
        let keys = try SSHKeys()
        defer { keys.remove() }
        let junk = keys.folder.appendingPathComponent("junk")
        try Data("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n".utf8).write(to: junk)
        #expect(!SSHPrivateKeyFile.needsPassphrase(junk))
        #expect(!SSHPrivateKeyFile.needsPassphrase(keys.folder.appendingPathComponent("absent")))
    }

    @Test("an RSA key is told from the others, with its .pub or without (both formats)")
    func rsa() throws {
        let keys = try SSHKeys()
        defer { keys.remove() }
        for (type, _) in SSHKeys.types {
            for passphrase in ["", "s3cret pass"] {
                let key = URL(fileURLWithPath: try keys.make(type, name: "\(type)-\(passphrase.count)", passphrase: passphrase))
                #expect(SSHPrivateKeyFile.isRSA(key) == (type == "rsa"), "\(type)")
                try FileManager.default.removeItem(at: key.appendingPathExtension("pub"))
                #expect(SSHPrivateKeyFile.isRSA(key) == (type == "rsa"), "\(type) without .pub")
            }
        }
        let pem = keys.folder.appendingPathComponent("rsa-pem").path
        try SSHKeys.run("/usr/bin/ssh-keygen", ["-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-f", pem])
        try FileManager.default.removeItem(atPath: pem + ".pub")
        #expect(SSHPrivateKeyFile.isRSA(URL(fileURLWithPath: pem)))
    }
}
