import Foundation

/// The host keys a user trusts, read from an OpenSSH `known_hosts` file.
///
/// libgit2 1.5.1 does not check ssh host keys itself, so every ssh connection is
/// decided here: a key listed for the host is trusted, anything else refused.
/// Understands plain and hashed (`|1|salt|hash`) host names, `[host]:port`,
/// `*`/`?` patterns, `!` negations and `@revoked` lines.
public struct KnownHosts: Sendable {
    struct Entry: Sendable {
        var patterns: [String]
        var keyType: String
        var key: [UInt8]
        var revoked: Bool
    }

    /// What the file says about a host's key.
    public enum Verdict: Sendable, Equatable {
        case trusted
        /// No key of the host is listed.
        case unknown
        /// The host is listed with another key of this type: possibly someone in the middle.
        case changed
        case revoked
    }

    let entries: [Entry]

    /// Reads `url`; a missing file lists nobody.
    public init(contentsOf url: URL) {
        self.init(text: (try? String(contentsOf: url, encoding: .utf8)) ?? "")
    }

    public init(text: String) {
        entries = text.split(whereSeparator: \.isNewline).compactMap { Self.entry(String($0)) }
    }

    private static func entry(_ line: String) -> Entry? {
        var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = fields.first, !first.hasPrefix("#") else { return nil }
        var revoked = false
        if first.hasPrefix("@") {
            // @cert-authority lines need certificate support; they never vouch for a plain key here.
            guard first == "@revoked" else { return nil }
            revoked = true
            fields.removeFirst()
        }
        guard fields.count >= 3, let key = Data(base64Encoded: fields[2]) else { return nil }
        return Entry(patterns: fields[0].split(separator: ",").map(String.init), keyType: fields[1], key: [UInt8](key), revoked: revoked)
    }

    /// The name OpenSSH looks hosts up by: "host" on port 22, "[host]:port" otherwise.
    public static func hostName(_ host: String, port: Int?) -> String {
        guard let port, port != 22 else { return host }
        return "[\(host)]:\(port)"
    }

    /// Whether `key` (the ssh wire-format public key blob) is trusted for `host`.
    public func verdict(host: String, port: Int?, keyType: String, key: [UInt8]) -> Verdict {
        let name = Self.hostName(host, port: port)
        let forHost = entries.filter { Self.matches($0.patterns, name) }
        if forHost.contains(where: { $0.revoked && $0.key == key }) { return .revoked }
        if forHost.contains(where: { !$0.revoked && $0.key == key }) { return .trusted }
        if forHost.contains(where: { !$0.revoked && $0.keyType == keyType }) { return .changed }
        return .unknown
    }

    /// The host key types asked of a server, most wanted first: OpenSSH's choice. The types
    /// listed for the host come first (so a known host shows a key that can be checked), each
    /// group in the order Ed25519, ECDSA, RSA, whatever the order of the file's lines.
    public static let keyTypePreference = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa"]

    public func preferredKeyTypes(host: String, port: Int?) -> [String] {
        let listed = Set(listedKeyTypes(host: host, port: port))
        return Self.keyTypePreference.filter(listed.contains) + Self.keyTypePreference.filter { !listed.contains($0) }
    }

    /// The key types listed (not revoked) for `host`, in the order of `keyTypePreference`
    /// (others after, sorted).
    public func listedKeyTypes(host: String, port: Int?) -> [String] {
        let name = Self.hostName(host, port: port)
        let listed = Set(entries.filter { !$0.revoked && Self.matches($0.patterns, name) }.map(\.keyType))
        return Self.keyTypePreference.filter(listed.contains) + listed.subtracting(Self.keyTypePreference).sorted()
    }

    private static func matches(_ patterns: [String], _ name: String) -> Bool {
        var matched = false
        for pattern in patterns {
            if pattern.hasPrefix("!") {
                if glob(String(pattern.dropFirst()), name) { return false }
            } else if pattern.hasPrefix("|1|") {
                matched = matched || hashedMatch(pattern, name)
            } else if glob(pattern, name) {
                matched = true
            }
        }
        return matched
    }

    /// `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`, as `ssh-keygen -H` writes.
    private static func hashedMatch(_ pattern: String, _ name: String) -> Bool {
        let parts = pattern.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 4, let salt = Data(base64Encoded: String(parts[2])), let hash = Data(base64Encoded: String(parts[3]))
        else { return false }
        return HMACSHA1.authenticate(Array(name.utf8), key: [UInt8](salt)) == [UInt8](hash)
    }

    /// Host patterns: `*` any run, `?` one character; host names compare case-insensitively.
    static func glob(_ pattern: String, _ name: String) -> Bool {
        let p = Array(pattern.lowercased())
        let n = Array(name.lowercased())
        func match(_ i: Int, _ j: Int) -> Bool {
            if i == p.count { return j == n.count }
            if p[i] == "*" { return (j...n.count).contains { match(i + 1, $0) } }
            guard j < n.count, p[i] == "?" || p[i] == n[j] else { return false }
            return match(i + 1, j + 1)
        }
        return match(0, 0)
    }

    /// A key's fingerprint as `ssh-keygen -l` prints it, from the SHA-256 of its blob.
    public static func fingerprint(sha256: [UInt8]) -> String {
        "SHA256:" + Data(sha256).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }
}
