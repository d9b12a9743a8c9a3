import CLibGit2
import Foundation

/// What one fetch, push or clone needs inside libgit2's callbacks, and what they learn.
///
/// libgit2 calls back through C function pointers with a `void *` payload: that payload is
/// this object, kept alive by the caller for the duration of the call.
final class NetworkSession {
    let access: NetworkAccess
    let url: String
    var attempts = 0
    /// What was offered so far, as messages name it.
    var tried: [String] = []
    /// Whether the server asked for an ssh key, so that key files were looked at.
    var askedForSSHKey = false
    /// The configured key files that need a passphrase: read once a server asks for a key.
    lazy var lockedKeys: Set<URL> = Set(access.sshKeys.filter(SSHPrivateKeyFile.needsPassphrase))
    /// Why a callback refused to go on; preferred over libgit2's generic message.
    var failure: GitError?
    var refusals: [String: String?] = [:]
    var order: [String] = []
    var serverText = ""
    /// References a push replaces (not a fast-forward) only while the server still has the
    /// value named here: a compare-and-swap against what this copy last saw.
    var leases: [String: ObjectID] = [:]

    init(access: NetworkAccess, url: String) {
        self.access = access
        self.url = url
    }

    /// The port named by an `ssh://host:port/` address; nil for scp-like `host:path`.
    var port: Int? { URLComponents(string: url)?.port }

    /// The server an http(s) connection of this session went to last, as libgit2's trace
    /// names it (`ConnectionTrace`); nil before the first one, and for other transports.
    var connected: (host: String, port: String)?

    /// Runs libgit2's network call `body` with this session's callbacks able to see where it connects.
    func run(_ body: () -> Int32) -> Int32 {
        withExtendedLifetime(self) { ConnectionTrace.during(self, body) }
    }

    /// The configured http(s) address's scheme, host and port (the scheme's default when none is
    /// written); nil for other transports.
    var configuredServer: (scheme: String, host: String, port: String)? {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = parts.host
        else { return nil }
        return (scheme, Self.bare(host), parts.port.map(String.init) ?? (scheme == "https" ? "443" : "80"))
    }

    /// Where a redirect took this http(s) session, when that is not the configured address's
    /// server: another host, or another port of it. libgit2 1.5.1 (told to follow no redirect
    /// to another host) still follows one to another port, and asks for credentials there
    /// with the configured address. Going from http to https on the same host, as libgit2
    /// allows, is not elsewhere.
    var redirectedElsewhere: String? {
        guard let configured = configuredServer, let connected else { return nil }
        let host = Self.bare(connected.host)
        let upgrade = configured.scheme == "http" && configured.port == "80" && connected.port == "443"
        if host.lowercased() == configured.host.lowercased(), connected.port == configured.port || upgrade { return nil }
        return Self.server(host, connected.port)
    }

    /// `host:port`, an IPv6 host in brackets.
    static func server(_ host: String, _ port: String) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    private static func bare(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// A line of libgit2's trace, seen while this session runs.
    func noteTrace(_ line: String) {
        let prefix = "Connecting to remote "
        guard line.hasPrefix(prefix), let separator = line.range(of: " port ", options: .backwards) else { return }
        connected = (String(line[prefix.endIndex..<separator.lowerBound]), String(line[separator.upperBound...]))
    }

    /// Fills `callbacks` with this session's handlers.
    func install(into callbacks: inout git_remote_callbacks) {
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = { out, _, userFromURL, allowed, payload in
            let session = Unmanaged<NetworkSession>.fromOpaque(payload!).takeUnretainedValue()
            return session.credential(out, userFromURL.map { String(cString: $0) }, allowed)
        }
        callbacks.certificate_check = { cert, valid, host, payload in
            let session = Unmanaged<NetworkSession>.fromOpaque(payload!).takeUnretainedValue()
            return session.checkCertificate(cert!, valid: valid != 0, host: host.map { String(cString: $0) } ?? "")
        }
        callbacks.push_update_reference = { name, status, payload in
            let session = Unmanaged<NetworkSession>.fromOpaque(payload!).takeUnretainedValue()
            let ref = String(cString: name!)
            session.order.append(ref)
            session.refusals[ref] = status.map { redactingAddressPasswords(String(cString: $0)) }
            return 0
        }
        callbacks.push_negotiation = { updates, count, payload in
            let session = Unmanaged<NetworkSession>.fromOpaque(payload!).takeUnretainedValue()
            return session.checkLeases(updates, count)
        }
        callbacks.sideband_progress = { text, length, payload in
            let session = Unmanaged<NetworkSession>.fromOpaque(payload!).takeUnretainedValue()
            if let text, length > 0 {
                session.serverText += String(decoding: UnsafeRawBufferPointer(start: text, count: Int(length)), as: UTF8.self)
            }
            return 0
        }
    }

    /// The server's messages, line by line, without progress counters. Like its refusals, they
    /// may quote an address: a password written in one is masked.
    var serverMessages: [String] {
        serverText.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.map(redactingAddressPasswords)
    }

    /// Credentials go only to the server of the configured address: never after a redirect.
    func refuseRedirect(to elsewhere: String) -> Int32 {
        let from = configuredServer.map { Self.server($0.host, $0.port) } ?? url
        return fail(Self.redirectRefusal(from: from, to: elsewhere, url: url, asked: true), GIT_ERROR_HTTP, -1)
    }

    /// What a user reads when the server at `from` sent clinicctl to `elsewhere`.
    static func redirectRefusal(from: String, to elsewhere: String, url: String, asked: Bool) -> GitError {
        let what =
            asked
            ? "redirected clinicctl to \(elsewhere), which asked for credentials: none were sent there"
            : "redirected clinicctl to another host, \(elsewhere): not followed, and no credentials were sent there"
        return GitError(
            code: .redirect, operation: "connect to \(url)",
            message:
                "the server at \(from) \(what) (neither CLINICCTL_TOKEN nor a password). clinicctl sends credentials only to the server of the repository's address; if the repository has moved, ask its administrator for the new address"
        )
    }

    /// Remembers why a callback stopped, and tells libgit2 the same.
    func fail(_ error: GitError, _ errorClass: git_error_t, _ code: Int32) -> Int32 {
        failure = error
        git_error_set_str(Int32(errorClass.rawValue), error.message)
        return code
    }

    /// ssh: the host key must be listed for this host in known_hosts. Other transports keep
    /// libgit2's own check (TLS certificates against the system's CA bundle).
    private func checkCertificate(_ cert: UnsafeMutablePointer<git_cert>, valid: Bool, host: String) -> Int32 {
        guard cert.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else { return GIT_PASSTHROUGH.rawValue }
        let hostKey = UnsafeRawPointer(cert).assumingMemoryBound(to: git_cert_hostkey.self).pointee
        let fingerprint = withUnsafeBytes(of: hostKey.hash_sha256) { KnownHosts.fingerprint(sha256: Array($0)) }
        guard hostKey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostKey.hostkey else {
            return refuseHost("the server \(host) did not show its host key", fingerprint: fingerprint)
        }
        let key = Array(UnsafeRawBufferPointer(start: raw, count: hostKey.hostkey_len))
        let keyType = Self.keyType(of: key)
        let file = access.knownHosts ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".ssh/known_hosts")
        let name = KnownHosts.hostName(host, port: port)
        switch KnownHosts(contentsOf: file).verdict(host: host, port: port, keyType: keyType, key: key) {
        case .trusted: return 0
        case .unknown:
            return refuseHost(
                "the server \(name) is not known: its \(keyType) host key \(fingerprint) is not in \(file.path). If the server's administrator confirms this fingerprint, add the key there (for example with ssh-keyscan)",
                fingerprint: fingerprint)
        case .changed:
            return refuseHost(
                "the host key of \(name) has CHANGED: it now shows \(fingerprint), which is not the \(keyType) key listed in \(file.path). Someone may be listening in; ask the server's administrator before trusting it",
                fingerprint: fingerprint)
        case .revoked:
            return refuseHost("the host key \(fingerprint) of \(name) is marked revoked in \(file.path)", fingerprint: fingerprint)
        }
    }

    private func refuseHost(_ message: String, fingerprint: String) -> Int32 {
        fail(
            GitError(code: .hostKey, operation: "check the host key of \(url)", message: message), GIT_ERROR_SSH, GIT_ECERTIFICATE.rawValue)
    }

    /// The key type named at the start of an ssh public key blob (an SSH string).
    static func keyType(of blob: [UInt8]) -> String {
        guard blob.count >= 4 else { return "unknown" }
        let length = blob[0..<4].reduce(0) { $0 << 8 | Int($1) }
        guard length <= blob.count - 4 else { return "unknown" }
        return String(decoding: blob[4..<(4 + length)], as: UTF8.self)
    }
}
