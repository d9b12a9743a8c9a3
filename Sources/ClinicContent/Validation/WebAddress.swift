/// An `https` address checked the way a browser would read it.
///
/// Browsers follow the WHATWG URL standard, which silently repairs what RFC 3986
/// refuses: it strips tabs, line breaks and edge spaces, reads `\` as `/`, skips
/// extra slashes, decodes `%2e` in host names and reads `0x7f.1` as an IP address.
/// A link that two readers see going to different hosts can hide where it
/// leads (`https://evil.example\@www.facebook.com/` goes to evil.example in a
/// browser), so only addresses both read the same way are accepted: a plain
/// `https://` prefix, a DNS host name, an optional port, no user name.
public enum WebAddress {
    /// The address's lower-cased host, or nil when `text` is not such an address.
    public static func host(_ text: String) -> String? {
        if case .success(let host) = read(text) { return host }
        return nil
    }

    /// Why `text` is not such an address, in words for the author, or nil when it is.
    public static func problem(_ text: String) -> String? {
        if case .failure(let problem) = read(text) { return problem.reason }
        return nil
    }

    struct Problem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    static func read(_ text: String) -> Result<String, Problem> {
        if let scalar = text.unicodeScalars.first(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) {
            let what = scalar == " " ? "a space" : "the invisible character U+\(String(scalar.value, radix: 16, uppercase: true))"
            return .failure(Problem("it contains \(what); browsers drop or change it, so write the address without it"))
        }
        if text.contains("\\") {
            return .failure(Problem("it contains a backslash, which browsers read as \"/\"; write \"/\" or leave it out"))
        }
        guard text.lowercased().hasPrefix("https://") else {
            return .failure(Problem("write a full https:// address, like \"https://example.com/\""))
        }
        let rest = text.dropFirst("https://".count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if authority.contains("@") {
            return .failure(Problem("it has a user name before \"@\", which hides the real site; write only the site's address"))
        }
        var host = Substring(authority)
        if let colon = authority.lastIndex(of: ":") {
            let port = authority[authority.index(after: colon)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }), Int(port)! <= 65535 else {
                return .failure(Problem("\"\(port)\" after the host name is not a port number"))
            }
            host = authority[..<colon]
        }
        let labels = host.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        let isLabel: (Substring) -> Bool = { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
        // The last label has a letter, so nothing in the host can be read as an IP address.
        guard labels.count >= 2, labels.allSatisfy(isLabel), labels.last!.contains(where: { $0.isLetter }) else {
            return .failure(
                Problem("\"\(host)\" is not a host name like www.example.com (letters, digits, hyphens and dots; no IP addresses)"))
        }
        return .success(host.lowercased())
    }
}
