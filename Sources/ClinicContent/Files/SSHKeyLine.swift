import Foundation

/// The shape of a reviewer's key line in `clinicctl.yaml`, checked without cryptography:
/// the verifier (ClinicSigning) reads the key itself when a signature is checked.
enum SSHKeyLine {
    static let types = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"]

    /// What is wrong with `line`, nil when it looks like a usable public key.
    static func problem(_ line: String) -> String? {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count >= 2 else { return "write the whole line of the .pub file, like \"ssh-ed25519 AAAAC3Nza... you@laptop\"" }
        let type = String(parts[0])
        guard types.contains(type) else {
            if type.hasPrefix("-----BEGIN") { return "this is a private key; give the public key (the .pub file) instead" }
            return "\"\(type)\" is not a supported key type (\(types.joined(separator: ", ")))"
        }
        // The blob starts with its own type as an SSH string: a pasted key of another type is caught here.
        guard let blob = Data(base64Encoded: String(parts[1])), blob.count > 4 + type.utf8.count else {
            return "the key's base64 part is damaged"
        }
        let length = blob.prefix(4).reduce(0) { $0 << 8 | Int($1) }
        guard length == type.utf8.count, blob.dropFirst(4).prefix(length).elementsEqual(type.utf8) else {
            return "the key inside is not a \(type) key"
        }
        return nil
    }
}
