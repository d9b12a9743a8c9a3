import CLibGit2
import Foundation

/// The certificate authorities an https server's certificate is checked against, chosen as
/// `git` chooses them: a file from `GIT_SSL_CAINFO`, else Git's `http.sslCAInfo`, else
/// OpenSSL's `SSL_CERT_FILE`; a folder from `GIT_SSL_CAPATH`, else `http.sslCAPath`, else
/// `SSL_CERT_DIR`. When one is set, it replaces the system's bundle (as it does for `git`).
struct CertificateLocations: Equatable {
    var file: String?
    var folder: String?
    /// Where each came from, as messages name it ("GIT_SSL_CAINFO", "http.sslCAPath").
    var sources: [String]

    /// The environment variables read, in the order they are named to a user.
    static let variableNames = ["GIT_SSL_CAINFO", "GIT_SSL_CAPATH", "SSL_CERT_FILE", "SSL_CERT_DIR"]

    /// The locations `variables` and `config` (a Git configuration lookup) name; nil for
    /// the system's bundle. A leading `~/` in the configuration is the `HOME` of `variables`.
    static func chosen(variables: [String: String], config: (String) -> String?) -> CertificateLocations? {
        func value(_ text: String?) -> String? {
            guard let text, !text.isEmpty else { return nil }
            guard text.hasPrefix("~/"), let home = variables["HOME"] else { return text }
            return home + text.dropFirst()
        }
        func first(_ candidates: [(String, String?)]) -> (source: String, path: String)? {
            candidates.lazy.compactMap { name, text in value(text).map { (name, $0) } }.first
        }
        let file = first([
            ("GIT_SSL_CAINFO", variables["GIT_SSL_CAINFO"]), ("http.sslCAInfo", config("http.sslCAInfo")),
            ("SSL_CERT_FILE", variables["SSL_CERT_FILE"]),
        ])
        let folder = first([
            ("GIT_SSL_CAPATH", variables["GIT_SSL_CAPATH"]), ("http.sslCAPath", config("http.sslCAPath")),
            ("SSL_CERT_DIR", variables["SSL_CERT_DIR"]),
        ])
        guard file != nil || folder != nil else { return nil }
        return CertificateLocations(file: file?.path, folder: folder?.path, sources: [file?.source, folder?.source].compactMap { $0 })
    }

    /// "GIT_SSL_CAINFO (/etc/clinic/ca.pem)", for messages.
    var described: String {
        zip(sources, [file, folder].compactMap { $0 }).map { "\($0) (\($1))" }.joined(separator: " and ")
    }
}

/// libgit2 keeps one set of certificate authorities for the whole process (with its mbedTLS
/// backend, setting them replaces the set before, and frees it), so every http(s) network
/// call runs under one lock with the set it needs in place: two calls at once (tests do
/// that) can neither see each other's authorities nor free them while a handshake reads them.
enum TLSTrust {
    /// What libgit2 loads at start-up (Debian's build of libgit2 1.5.1), and what is put back
    /// after a call that trusted other authorities.
    static let systemBundle = "/etc/ssl/certs/ca-certificates.crt"

    nonisolated(unsafe) private static var applied: CertificateLocations?
    private static let lock = NSLock()

    /// Runs `body` (an http(s) network call) with `wanted` trusted, nil for the system's bundle.
    static func during<T>(_ wanted: CertificateLocations?, operation: String, _ body: () throws -> T) throws -> T {
        ensureLibgit2()
        lock.lock()
        defer { lock.unlock() }
        if wanted != applied {
            try apply(wanted, operation: operation)
            applied = wanted
        }
        return try body()
    }

    private static func apply(_ wanted: CertificateLocations?, operation: String) throws {
        guard let wanted else {
            guard FileManager.default.fileExists(atPath: systemBundle) else { return }
            try check(clinic_git_set_ssl_cert_locations(systemBundle, nil), operation)
            return
        }
        for path in [wanted.file, wanted.folder].compactMap({ $0 }) where !FileManager.default.isReadableFile(atPath: path) {
            throw unreadable(wanted, path, operation: operation)
        }
        guard clinic_git_set_ssl_cert_locations(wanted.file, wanted.folder) == 0 else {
            throw unreadable(wanted, wanted.file ?? wanted.folder ?? "", operation: operation)
        }
    }

    private static func unreadable(_ wanted: CertificateLocations, _ path: String, operation: String) -> GitError {
        let detail = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } }
        return GitError(
            code: .certificate, operation: operation,
            message: "\(wanted.described) names certificate authorities to trust, but \(path) could not be read as such"
                + (detail.map { " (\($0))" } ?? "") + "; point it at the clinic's CA certificate in PEM form, or unset it")
    }
}
