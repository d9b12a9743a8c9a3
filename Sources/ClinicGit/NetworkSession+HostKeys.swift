import CLibGit2
import Foundation

extension NetworkSession {
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
