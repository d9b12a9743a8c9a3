import CLibGit2
import Foundation

extension NetworkSession {
    /// `url` without the user name of an http(s) address whose user information holds no
    /// password, and that user name (percent-decoded, as libgit2 decodes it); else `url` and nil.
    static func splittingUser(_ url: String) -> (url: String, user: String?) {
        guard let separator = url.range(of: "://"),
            ["http", "https"].contains(url[..<separator.lowerBound].lowercased())
        else { return (url, nil) }
        let rest = url[separator.upperBound...]
        let authority = rest[..<(rest.firstIndex(where: { "/?#".contains($0) }) ?? rest.endIndex)]
        guard let at = authority.lastIndex(of: "@"), !authority[..<at].contains(":") else { return (url, nil) }
        let user = String(authority[..<at])
        return (String(url[..<separator.upperBound] + url[url.index(after: at)...]), user.removingPercentEncoding ?? user)
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

    /// An https server whose certificate no trusted authority vouches for (or not for its address).
    func refuseCertificate(host: String) -> Int32 {
        let server = configuredServer.map { Self.server($0.host, $0.port) } ?? host
        let now = trust.map { "only \($0.described)" } ?? "only the system's certificate authorities"
        let message =
            "the certificate of the server at \(server) is not trusted: no certificate authority trusted here signed it for that address."
            + " If the clinic's server uses its own certificate authority, set GIT_SSL_CAINFO to its CA certificate file"
            + " (or GIT_SSL_CAPATH to a folder of them); Git's http.sslCAInfo and http.sslCAPath, and SSL_CERT_FILE and"
            + " SSL_CERT_DIR, are read too (trusted now: \(now))"
        return fail(
            GitError(code: .certificate, operation: "connect to \(url)", message: message), GIT_ERROR_SSL, GIT_ECERTIFICATE.rawValue)
    }
}
