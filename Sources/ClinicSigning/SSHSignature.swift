import Crypto
import Foundation

/// An SSH signature in OpenSSH's SSHSIG format (PROTOCOL.sshsig), as
/// `ssh-keygen -Y sign` writes it and Git stores it in a commit's `gpgsig` header.
public struct SSHSignature: Hashable, Sendable {
    static let beginArmour = "-----BEGIN SSH SIGNATURE-----"
    static let endArmour = "-----END SSH SIGNATURE-----"

    /// The key that made the signature (as the signature claims; `verify` checks it).
    public let publicKey: SSHPublicKey
    /// What the signature is for: Git's is `git`, so a signature made for something else cannot pass as a commit's.
    public let namespace: String
    /// `sha512` or `sha256`: the hash of the message that was signed.
    public let hashAlgorithm: String
    /// The signature blob: algorithm name and raw signature.
    let signature: Data

    /// Reads the armoured form (`-----BEGIN SSH SIGNATURE-----` ... `-----END SSH SIGNATURE-----`).
    public init(armoured text: String) throws {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(of: Self.beginArmour), let end = lines.firstIndex(of: Self.endArmour), begin < end else {
            throw SSHFormatError("the signature is not an armoured SSH signature (BEGIN/END SSH SIGNATURE lines missing)")
        }
        guard let blob = Data(base64Encoded: lines[(begin + 1)..<end].joined()) else {
            throw SSHFormatError("the signature's base64 is damaged")
        }
        try self.init(blob: blob)
    }

    /// Reads the binary SSHSIG blob.
    public init(blob: Data) throws {
        var reader = SSHWireReader(blob)
        guard try reader.fixed(6) == Data("SSHSIG".utf8) else { throw SSHFormatError("the signature does not start with SSHSIG") }
        guard try reader.uint32() == 1 else { throw SSHFormatError("the signature is not SSHSIG version 1") }
        publicKey = try SSHPublicKey(blob: try reader.string())
        namespace = try reader.text()
        _ = try reader.string()  // reserved
        hashAlgorithm = try reader.text()
        signature = try reader.string()
        guard reader.isAtEnd else { throw SSHFormatError("the signature has bytes after its end") }
        guard ["sha512", "sha256"].contains(hashAlgorithm) else {
            throw SSHFormatError("the signature uses hash \"\(hashAlgorithm)\"; only sha512 and sha256 are accepted")
        }
    }

    /// Whether this signature, in `namespace`, signs exactly `message` with `publicKey`.
    ///
    /// What the key signed is `SSHSIG`, the namespace, the reserved field, the hash
    /// name and the hash of the message; so a signature made in another namespace,
    /// or over any other bytes, does not verify.
    public func isValid(for message: Data, namespace expected: String = "git") -> Bool {
        guard namespace == expected else { return false }
        let digest = hashAlgorithm == "sha512" ? Data(SHA512.hash(data: message)) : Data(SHA256.hash(data: message))
        var signed = SSHWireWriter()
        signed.raw(Data("SSHSIG".utf8))
        signed.string(namespace)
        signed.string(Data())
        signed.string(hashAlgorithm)
        signed.string(digest)
        return (try? publicKey.isValid(signature: signature, for: signed.data)) ?? false
    }
}
