import ClinicSigning
import ClinicTestSupport
import Foundation
import Testing

@Suite("SSH signatures, checked against what ssh-keygen makes")
struct SSHSignatureTests {
    @Test(
        "a signature ssh-keygen made verifies; a changed message, another namespace or a cut armour do not",
        arguments: ["ed25519", "ecdsa", "rsa"])
    func verdicts(type: String) throws {
        let keys = try SSHKeys()
        defer { keys.remove() }
        let key = try keys.make(type, name: "jason")
        let message = Data("tree 123\nauthor Jason\n\nApprove draft hours\n".utf8)
        let armoured = try keys.sign(message, key: key)
        let signature = try SSHSignature(armoured: armoured)
        #expect(signature.isValid(for: message))
        #expect(signature.publicKey == (try SSHPublicKey(line: try keys.publicKey(key))))

        var changed = message
        changed[changed.count - 2] ^= 1
        #expect(!signature.isValid(for: changed))

        let elsewhere = try SSHSignature(armoured: try keys.sign(message, key: key, namespace: "file"))
        #expect(elsewhere.namespace == "file")
        #expect(!elsewhere.isValid(for: message))
        #expect(elsewhere.isValid(for: message, namespace: "file"))

        var lines = armoured.split(separator: "\n").map(String.init)
        lines.remove(at: lines.count - 2)
        #expect(throws: SSHFormatError.self) { try SSHSignature(armoured: lines.joined(separator: "\n")) }
    }

    @Test("fingerprints are the ones ssh-keygen -l prints", arguments: ["ed25519", "ecdsa", "rsa"])
    func fingerprint(type: String) throws {
        let keys = try SSHKeys()
        defer { keys.remove() }
        let key = try keys.make(type, name: "anna")
        let printed = try SSHKeys.run("/usr/bin/ssh-keygen", ["-l", "-f", key + ".pub"]).split(separator: " ")[1]
        #expect(try SSHPublicKey(line: try keys.publicKey(key)).fingerprint == String(printed))
    }

    @Test("another key's signature does not verify as this key's")
    func otherKey() throws {
        let keys = try SSHKeys()
        defer { keys.remove() }
        let jason = try keys.make("ed25519", name: "jason")
        let anna = try keys.make("ed25519", name: "anna")
        let message = Data("hello\n".utf8)
        let signature = try SSHSignature(armoured: try keys.sign(message, key: anna))
        #expect(signature.publicKey != (try SSHPublicKey(line: try keys.publicKey(jason))))
    }

    @Test("key lines that are not supported public keys are refused with the reason")
    func badLines() {
        #expect(throws: SSHFormatError.self) { try SSHPublicKey(line: "ssh-dss AAAAB3NzaC1kc3MAAACBAP") }
        #expect(throws: SSHFormatError.self) { try SSHPublicKey(line: "ssh-ed25519") }
        #expect(throws: SSHFormatError.self) { try SSHPublicKey(line: "ssh-ed25519 !!!notbase64") }
        // An RSA blob under an ed25519 label.
        #expect(throws: SSHFormatError.self) { try SSHPublicKey(line: "ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQABAAAAgQ==") }
    }
}
