import Foundation

/// The `Host` blocks of an OpenSSH client configuration (`~/.ssh/config`), read for what an
/// address's host means: `HostName`, `Port`, `User` and `IdentityFile`.
///
/// As ssh_config(5): keywords are case-insensitive, written `Keyword value` or
/// `Keyword=value`; lines before the first `Host` apply to every host; a `Host` line's
/// patterns take `*`, `?` and `!` negation; for each keyword the first value that applies
/// wins, except `IdentityFile`, which adds a file each time. `Match` blocks apply only as
/// `Match all` (their other criteria are not evaluated here, so their lines are not used),
/// and `Include` is not followed.
public struct SSHConfig: Sendable {
    /// What the configuration says about one host alias.
    public struct Host: Sendable, Equatable {
        public var hostName: String?
        public var port: Int?
        public var user: String?
        public var identityFiles: [URL] = []

        public var isEmpty: Bool { hostName == nil && port == nil && user == nil && identityFiles.isEmpty }
    }

    struct Line: Sendable, Equatable {
        var keyword: String
        var value: String
    }

    /// Each line, with the patterns of the block it is in (nil: before any `Host`, or `Match all`;
    /// empty: a block that never applies).
    let lines: [(patterns: [String]?, line: Line)]
    /// The folder `~` stands for in `IdentityFile`.
    let home: URL

    /// Reads `url` (normally `~/.ssh/config`, whose `~` is the folder holding `.ssh`); a missing file says nothing.
    public init(contentsOf url: URL) {
        self.init(
            text: (try? String(contentsOf: url, encoding: .utf8)) ?? "", home: url.deletingLastPathComponent().deletingLastPathComponent())
    }

    public init(text: String, home: URL) {
        self.home = home
        var patterns: [String]? = nil
        var lines: [(patterns: [String]?, line: Line)] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            guard let line = Self.line(String(raw)) else { continue }
            switch line.keyword {
            case "host": patterns = line.value.split(whereSeparator: \.isWhitespace).map { String($0).trimmingCharacters(in: ["\""]) }
            case "match": patterns = line.value.lowercased() == "all" ? nil : []
            default: lines.append((patterns, line))
            }
        }
        self.lines = lines
    }

    private static func line(_ text: String) -> Line? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
        guard let end = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "=" }) else { return nil }
        var value = trimmed[end...].drop { $0 == " " || $0 == "\t" }
        if value.first == "=" { value = value.dropFirst().drop { $0 == " " || $0 == "\t" } }
        var text = String(value).trimmingCharacters(in: .whitespaces)
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
        return Line(keyword: trimmed[..<end].lowercased(), value: text)
    }

    /// What applies to `alias` (the host as written in the address).
    public func host(_ alias: String) -> Host {
        var host = Host()
        for (patterns, line) in lines where patterns.map({ Self.matches($0, alias) }) ?? true {
            switch line.keyword {
            case "hostname" where host.hostName == nil: host.hostName = line.value.replacingOccurrences(of: "%h", with: alias)
            case "port" where host.port == nil: host.port = Int(line.value)
            case "user" where host.user == nil: host.user = line.value
            case "identityfile": host.identityFiles.append(identityFile(line.value, alias: alias))
            default: break
            }
        }
        return host
    }

    private func identityFile(_ value: String, alias: String) -> URL {
        var path = value.replacingOccurrences(of: "%d", with: home.path).replacingOccurrences(of: "%h", with: alias)
        if path == "~" || path.hasPrefix("~/") { path = home.path + path.dropFirst() }
        return URL(fileURLWithPath: path)
    }

    /// A `Host` line applies when a pattern matches and no negated one does.
    static func matches(_ patterns: [String], _ alias: String) -> Bool {
        var matched = false
        for pattern in patterns {
            if pattern.hasPrefix("!") {
                if KnownHosts.glob(String(pattern.dropFirst()), alias) { return false }
            } else if KnownHosts.glob(pattern, alias) {
                matched = true
            }
        }
        return matched
    }
}
