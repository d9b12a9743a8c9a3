import Foundation

/// `text` with the password of every address in it masked: `http://olivia:SECRET@host/x`
/// becomes `http://olivia:***@host/x`. The one redaction of secrets written in addresses:
/// `GitError`, `WorkflowError` and sync's report pass every text they carry through it.
///
/// An address runs from its `://` to the next space, quote or angle bracket; its user
/// information ends at the last `@` in it. That masks a password holding a raw `/` or `@`
/// too (not valid in a URL, but typed), at the price of also masking `host:port/path@x`
/// (an `@` in a path), which costs only words in a message.
public func redactingAddressPasswords(_ text: String) -> String {
    guard text.contains("://") else { return text }
    var result = ""
    var rest = text[...]
    while let separator = rest.range(of: "://") {
        result += rest[..<separator.upperBound]
        rest = rest[separator.upperBound...]
        let end = rest.firstIndex(where: { $0.isWhitespace || "'\"<>".contains($0) }) ?? rest.endIndex
        let address = rest[..<end]
        guard let at = address.lastIndex(of: "@"), let colon = address[..<at].firstIndex(of: ":") else { continue }
        result += address[...colon] + "***"
        rest = rest[at...]
    }
    return result + rest
}

/// An address split as libgit2 reads it: the password written in its user information
/// (`https://olivia:SECRET@host/clinic.git`) apart from the rest.
struct AddressPassword {
    /// The address without the password (the user name kept): what may be stored and used.
    let address: String
    /// The password, percent-decoded as libgit2 decodes it; nil when the address has none.
    let password: String?

    /// Only `scheme://` addresses carry a password (scp-like `user@host:path` cannot). The user
    /// information is the authority's (up to the first `/`, `?` or `#`) before its last `@`.
    init(_ text: String) {
        guard let separator = text.range(of: "://") else {
            (address, password) = (text, nil)
            return
        }
        let rest = text[separator.upperBound...]
        let authority = rest[..<(rest.firstIndex(where: { "/?#".contains($0) }) ?? rest.endIndex)]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else {
            (address, password) = (text, nil)
            return
        }
        let written = String(authority[authority.index(after: colon)..<at])
        address = String(text[..<colon] + text[at...])
        password = written.removingPercentEncoding ?? written
    }
}

extension NetworkAccess {
    /// The address to use and store for `url`, and this access with the password written in
    /// `url` (if any) as the token: a password goes to the server as a credential, asked for
    /// by it, and never into the repository's configuration.
    public func takingPassword(from url: String) -> (url: String, access: NetworkAccess) {
        let split = AddressPassword(url)
        guard let password = split.password else { return (url, self) }
        var access = self
        access.token = password
        access.passwordFromAddress = true
        return (split.address, access)
    }
}
