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
    /// The key files offered so far.
    var offeredKeys: [URL] = []
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

    /// The user name written in an http(s) address without a password (`https://olivia@host/…`):
    /// sent with the token once the server asks. libgit2 given such an address sends that user
    /// with an empty password first, a failed login in the server's log on every connection,
    /// so it is given `connectionURL` instead.
    let addressUser: String?
    /// The address libgit2 connects to: `url`, without the user name `addressUser`.
    let connectionURL: String
    /// The certificate authorities an https server is checked against; nil for the system's.
    var trust: CertificateLocations?

    /// An ssh address's host is resolved through `access.sshConfig` (the address libgit2 is
    /// given names the real host, port and user; the configuration's identity files are
    /// offered first); an http(s) one loses its user name (`addressUser`).
    init(access: NetworkAccess, url: String) {
        var access = access
        var connection = url
        if let file = access.sshConfig, let address = SSHAddress(url) {
            let (resolved, identities) = address.resolved(through: SSHConfig(contentsOf: file))
            connection = resolved == address ? url : resolved.text
            let others = identities.filter { !access.sshKeys.contains($0) }
            access.sshKeys = access.sshKeysNamed ? access.sshKeys + others : others + access.sshKeys.filter { !identities.contains($0) }
        }
        self.access = access
        self.url = url
        (connectionURL, addressUser) = Self.splittingUser(connection)
    }

    /// Trusts the authorities the environment names, else those `config` names (Git's
    /// `http.sslCAInfo` and `http.sslCAPath`).
    func trustCertificates(config: (String) -> String?) {
        trust = CertificateLocations.chosen(variables: access.certificateVariables, config: config)
    }

    /// The port named by an `ssh://host:port/` address; nil for scp-like `host:path`.
    var port: Int? { URLComponents(string: connectionURL)?.port }

    /// The server an http(s) connection of this session went to last, as libgit2's trace
    /// names it (`ConnectionTrace`); nil before the first one, and for other transports.
    var connected: (host: String, port: String)?

    /// Runs libgit2's network call `body` with this session's callbacks able to see where it connects.
    /// An http(s) call runs with the certificate authorities it trusts in place (`TLSTrust`).
    func run(_ body: () -> Int32) throws -> Int32 {
        guard configuredServer != nil else {
            return withExtendedLifetime(self) { withHostKeyOrder { ConnectionTrace.during(self, body) } }
        }
        return try TLSTrust.during(trust, operation: "connect to \(url)") {
            withExtendedLifetime(self) { ConnectionTrace.during(self, body) }
        }
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

    /// Remembers why a callback stopped, and tells libgit2 the same.
    func fail(_ error: GitError, _ errorClass: git_error_t, _ code: Int32) -> Int32 {
        failure = error
        git_error_set_str(Int32(errorClass.rawValue), error.message)
        return code
    }
}
