import Crypto
import Foundation
import _CryptoExtras

/// An SSH public key as an `authorized_keys` line holds it: type, base64 blob, optional comment.
///
/// The types reviewers use to sign Git commits: `ssh-ed25519`,
/// `ecdsa-sha2-nistp256` and `ssh-rsa` (verified with rsa-sha2-256/512).
public struct SSHPublicKey: Hashable, Sendable, CustomStringConvertible {
    public static let supportedTypes = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"]

    /// `ssh-ed25519`, `ecdsa-sha2-nistp256` or `ssh-rsa`.
    public let type: String
    /// The key in SSH wire form (what the base64 part decodes to).
    public let blob: Data
    /// The comment after the key, often `user@host`; not part of the key.
    public let comment: String

    /// Reads `TYPE BASE64 [COMMENT]`; an unsupported type or a blob that does not
    /// hold a key of that type is an error naming what is wrong.
    public init(line: String) throws {
        let parts = line.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count >= 2 else {
            throw SSHFormatError("an SSH public key is written \"TYPE BASE64 [COMMENT]\", like the line in a .pub file")
        }
        guard Self.supportedTypes.contains(String(parts[0])) else {
            throw SSHFormatError(
                "\"\(parts[0])\" keys are not supported; use one of \(Self.supportedTypes.joined(separator: ", "))")
        }
        guard let blob = Data(base64Encoded: String(parts[1])) else { throw SSHFormatError("the key's base64 part is not base64") }
        try self.init(blob: blob, comment: parts.count > 2 ? String(parts[2]) : "")
        guard type == parts[0] else { throw SSHFormatError("the line says \(parts[0]) but the key inside is \(type)") }
    }

    /// Reads a key from its wire form, checking that it is a usable key of a supported type.
    public init(blob: Data, comment: String = "") throws {
        var reader = SSHWireReader(blob)
        let type = try reader.text()
        guard Self.supportedTypes.contains(type) else { throw SSHFormatError("\"\(type)\" keys are not supported") }
        self.type = type
        self.blob = blob
        self.comment = comment
        _ = try verifier()
    }

    /// Two keys are the same key when their blobs are; the comment is only a label.
    public static func == (lhs: SSHPublicKey, rhs: SSHPublicKey) -> Bool { lhs.blob == rhs.blob }
    public func hash(into hasher: inout Hasher) { hasher.combine(blob) }

    /// `TYPE BASE64`, as in an allowed-signers or authorized_keys line (without the comment).
    public var description: String { "\(type) \(blob.base64EncodedString())" }

    /// The fingerprint as `ssh-keygen -l` prints it: `SHA256:` and unpadded base64.
    public var fingerprint: String {
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// Whether `signature` (an SSH signature blob: algorithm and raw bytes) signs `message` with this key.
    func isValid(signature: Data, for message: Data) throws -> Bool {
        var reader = SSHWireReader(signature)
        let algorithm = try reader.text()
        let raw = try reader.string()
        return try verifier()(algorithm, raw, message)
    }

    /// The key as a function of (algorithm, raw signature, message).
    private func verifier() throws -> (String, Data, Data) throws -> Bool {
        var reader = SSHWireReader(blob)
        _ = try reader.string()
        switch type {
        case "ssh-ed25519":
            let key = try Curve25519.Signing.PublicKey(rawRepresentation: try reader.string())
            return { algorithm, raw, message in algorithm == "ssh-ed25519" && key.isValidSignature(raw, for: message) }
        case "ecdsa-sha2-nistp256":
            guard try reader.text() == "nistp256" else { throw SSHFormatError("the ECDSA key is not on curve nistp256") }
            let key = try P256.Signing.PublicKey(x963Representation: try reader.string())
            return { algorithm, raw, message in
                guard algorithm == "ecdsa-sha2-nistp256" else { return false }
                // SSH writes r and s as mpints; swift-crypto wants them as two 32-byte numbers.
                var numbers = SSHWireReader(raw)
                let r = try Self.fixedWidth(try numbers.string(), 32)
                let s = try Self.fixedWidth(try numbers.string(), 32)
                return key.isValidSignature(try P256.Signing.ECDSASignature(rawRepresentation: r + s), for: message)
            }
        default:
            let exponent = try reader.string()
            let modulus = try reader.string()
            let key = try _RSA.Signing.PublicKey(n: modulus, e: exponent)
            return { algorithm, raw, message in
                let signature = _RSA.Signing.RSASignature(rawRepresentation: raw)
                switch algorithm {
                case "rsa-sha2-512": return key.isValidSignature(signature, for: SHA512.hash(data: message), padding: .insecurePKCS1v1_5)
                case "rsa-sha2-256": return key.isValidSignature(signature, for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5)
                default: return false  // ssh-rsa (SHA-1) signatures are not accepted, as OpenSSH does not for SSHSIG.
                }
            }
        }
    }

    /// An mpint as an unsigned big-endian number of exactly `width` bytes.
    private static func fixedWidth(_ mpint: Data, _ width: Int) throws -> Data {
        let digits = mpint.drop { $0 == 0 }
        guard digits.count <= width else { throw SSHFormatError("an ECDSA signature number is too large") }
        return Data(repeating: 0, count: width - digits.count) + digits
    }
}
