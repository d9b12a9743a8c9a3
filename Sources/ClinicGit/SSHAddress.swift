import Foundation

/// An ssh address taken apart: `ssh://[user@]host[:port]/path` or scp-like `[user@]host:path`.
struct SSHAddress: Equatable {
    var user: String?
    var host: String
    var port: Int?
    var path: String
    /// Whether it was written `ssh://…` (else scp-like, whose path is relative to the home folder
    /// unless it starts with `/`).
    var isURL: Bool

    init?(_ text: String) {
        if let separator = text.range(of: "://") {
            guard ["ssh", "ssh+git", "git+ssh"].contains(text[..<separator.lowerBound].lowercased()) else { return nil }
            let rest = text[separator.upperBound...]
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            var authority = rest[..<slash]
            if let at = authority.lastIndex(of: "@") {
                user = String(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
                host = String(authority[authority.index(after: authority.startIndex)..<close])
                port = Int(authority[authority.index(after: close)...].dropFirst())
            } else if let colon = authority.lastIndex(of: ":") {
                host = String(authority[..<colon])
                port = Int(authority[authority.index(after: colon)...])
            } else {
                host = String(authority)
            }
            path = String(rest[slash...])
            isURL = true
        } else {
            guard let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/") else { return nil }
            var authority = text[..<colon]
            if let at = authority.lastIndex(of: "@") {
                user = String(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            host = String(authority)
            path = String(text[text.index(after: colon)...])
            isURL = false
        }
        guard !host.isEmpty else { return nil }
    }

    /// The address as libgit2 reads it: scp-like while it has no port, else `ssh://` (a
    /// relative scp path becomes `/~/path`, which libgit2 sends as `~/path`).
    var text: String {
        let userPart = user.map { "\($0)@" } ?? ""
        guard isURL || port != nil else { return "\(userPart)\(host):\(path)" }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let pathPart = isURL || path.hasPrefix("/") ? path : path.hasPrefix("~") ? "/" + path : "/~/" + path
        return "ssh://\(userPart)\(hostPart)\(port.map { ":\($0)" } ?? "")\(pathPart)"
    }

    /// This address with its host resolved through `config` as ssh resolves it (what the
    /// address says wins over the configuration), and the identity files named there that exist.
    func resolved(through config: SSHConfig) -> (address: SSHAddress, identityFiles: [URL]) {
        let entry = config.host(host)
        var address = self
        address.host = entry.hostName ?? host
        address.port = port ?? entry.port
        address.user = user ?? entry.user
        return (address, entry.identityFiles.filter { FileManager.default.fileExists(atPath: $0.path) })
    }
}
