import Foundation

/// What an ssh private key file says about itself before libssh2 is given it.
enum SSHPrivateKeyFile {
    /// Whether the key at `url` needs a passphrase: OpenSSH's own format with a cipher other
    /// than `none`, or PEM marked encrypted (`Proc-Type: 4,ENCRYPTED`, PKCS#8's
    /// `ENCRYPTED PRIVATE KEY`). A file that cannot be read or is none of these is left to
    /// libssh2, which says what is wrong with it.
    static func needsPassphrase(_ url: URL) -> Bool {
        guard let data = try? Data(contentsOf: url), data.count < 64 * 1024, let text = String(data: data, encoding: .utf8) else {
            return false
        }
        if text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || text.contains("Proc-Type: 4,ENCRYPTED") { return true }
        guard let body = armoured(text, label: "OPENSSH PRIVATE KEY"), let key = Data(base64Encoded: body) else { return false }
        return cipherName(of: [UInt8](key)).map { $0 != "none" } ?? false
    }

    /// The base64 text between `-----BEGIN <label>-----` and `-----END <label>-----`, without line breaks.
    static func armoured(_ text: String, label: String) -> String? {
        guard let begin = text.range(of: "-----BEGIN \(label)-----"),
            let end = text.range(of: "-----END \(label)-----", range: begin.upperBound..<text.endIndex)
        else { return nil }
        return text[begin.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
    }

    /// The cipher named by an `openssh-key-v1` blob: its magic, then the cipher as an SSH string.
    static func cipherName(of key: [UInt8]) -> String? {
        let magic = Array("openssh-key-v1".utf8) + [0]
        guard key.count >= magic.count + 4, Array(key[0..<magic.count]) == magic else { return nil }
        let lengthAt = magic.count
        let length = key[lengthAt..<(lengthAt + 4)].reduce(0) { $0 << 8 | Int($1) }
        guard length <= key.count - lengthAt - 4 else { return nil }
        return String(decoding: key[(lengthAt + 4)..<(lengthAt + 4 + length)], as: UTF8.self)
    }

    /// Whether the key at `url` is an RSA key: its `.pub` says `ssh-rsa`, or the private key is
    /// PEM `RSA PRIVATE KEY` or OpenSSH's format holding an `ssh-rsa` public key.
    static func isRSA(_ url: URL) -> Bool {
        if let pub = try? String(contentsOf: url.appendingPathExtension("pub"), encoding: .utf8) {
            return pub.split(separator: " ").first == "ssh-rsa"
        }
        guard let data = try? Data(contentsOf: url), data.count < 64 * 1024, let text = String(data: data, encoding: .utf8) else {
            return false
        }
        if text.contains("-----BEGIN RSA PRIVATE KEY-----") { return true }
        guard let body = armoured(text, label: "OPENSSH PRIVATE KEY"), let key = Data(base64Encoded: body) else { return false }
        return publicKeyType(of: [UInt8](key)) == "ssh-rsa"
    }

    /// The type of the first public key in an `openssh-key-v1` blob: after the magic come the
    /// cipher, KDF and KDF options (SSH strings), the key count, then the public key (an SSH
    /// string whose first field is its type).
    static func publicKeyType(of key: [UInt8]) -> String? {
        var at = Array("openssh-key-v1".utf8).count + 1
        func string() -> ArraySlice<UInt8>? {
            guard key.count >= at + 4 else { return nil }
            let length = key[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) }
            guard length <= key.count - at - 4 else { return nil }
            defer { at += 4 + length }
            return key[(at + 4)..<(at + 4 + length)]
        }
        guard cipherName(of: key) != nil, string() != nil, string() != nil, string() != nil, key.count >= at + 4 else { return nil }
        at += 4
        guard let publicKey = string() else { return nil }
        return NetworkSession.keyType(of: Array(publicKey)) == "unknown" ? nil : NetworkSession.keyType(of: Array(publicKey))
    }
}
