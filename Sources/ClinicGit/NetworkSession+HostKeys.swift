import CLibGit2
import CSSHHostKeys
import Foundation

extension NetworkSession {
    /// The known_hosts file host keys are checked against.
    var knownHostsFile: URL {
        access.knownHosts ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".ssh/known_hosts")
    }

    /// Runs `body` (an ssh call) with the server asked for its host key types in the order of
    /// `KnownHosts.preferredKeyTypes`, whatever libgit2 would ask (Sources/CSSHHostKeys).
    func withHostKeyOrder<T>(_ body: () -> T) -> T {
        guard let server = Self.sshServer(connectionURL) else { return body() }
        let order = KnownHosts(contentsOf: knownHostsFile).preferredKeyTypes(host: server.host, port: server.port)
        clinic_ssh_set_host_key_order(order.joined(separator: ","))
        defer { clinic_ssh_set_host_key_order(nil) }
        return body()
    }

    /// The host and port of an ssh address; nil for other transports.
    static func sshServer(_ url: String) -> (host: String, port: Int?)? {
        SSHAddress(url).map { ($0.host, $0.port) }
    }

    /// ssh: the host key must be listed for this host in known_hosts. https keeps libgit2's own
    /// check (against `trust`, else the system's authorities), in words that say what to set.
    func checkCertificate(_ cert: UnsafeMutablePointer<git_cert>, valid: Bool, host: String) -> Int32 {
        if cert.pointee.cert_type == GIT_CERT_X509, !valid { return refuseCertificate(host: host) }
        guard cert.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else { return GIT_PASSTHROUGH.rawValue }
        let hostKey = UnsafeRawPointer(cert).assumingMemoryBound(to: git_cert_hostkey.self).pointee
        let fingerprint = withUnsafeBytes(of: hostKey.hash_sha256) { KnownHosts.fingerprint(sha256: Array($0)) }
        guard hostKey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostKey.hostkey else {
            return refuseHost("the server \(host) did not show its host key", fingerprint: fingerprint)
        }
        let key = Array(UnsafeRawBufferPointer(start: raw, count: hostKey.hostkey_len))
        let keyType = Self.keyType(of: key)
        let file = knownHostsFile
        let name = KnownHosts.hostName(host, port: port)
        switch KnownHosts(contentsOf: file).verdict(host: host, port: port, keyType: keyType, key: key) {
        case .trusted: return 0
        case .unknown:
            let listed = KnownHosts(contentsOf: file).listedKeyTypes(host: host, port: port)
            return refuseHost(
                "the server \(name) is not known: its \(keyType) host key \(fingerprint) is not in \(file.path)"
                    + Self.otherTypesListed(listed, name: name)
                    + ". If the server's administrator confirms this fingerprint, add the key there (\(Self.keyscan(keyType, host, port)) >> \(file.path))",
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

    /// Why a host listed with keys of other types only is shown a key it does not list.
    static func otherTypesListed(_ listed: [String], name: String) -> String {
        guard !listed.isEmpty else { return "" }
        let only = " (it lists only an \(listed.joined(separator: " and an ")) key for \(name)"
        guard listed == ["ssh-rsa"] else { return only + ")" }
        return only
            + ", which clinicctl's ssh library, libssh2 1.10, can check only by SHA-1 ssh-rsa signatures, which OpenSSH 8.8 and later no longer make)"
    }

    /// The ssh-keyscan command that prints the key of `keyType` ("ssh-ed25519") of the server.
    static func keyscan(_ keyType: String, _ host: String, _ port: Int?) -> String {
        let type = keyType.hasPrefix("ecdsa") ? "ecdsa" : keyType.replacingOccurrences(of: "ssh-", with: "")
        return "ssh-keyscan -t \(type)" + (port.map { " -p \($0)" } ?? "") + " \(host)"
    }
}
