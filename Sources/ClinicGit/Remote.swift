import Foundation

/// How this program may prove who it is to a Git server, and how it checks the server.
///
/// A plain value built where a command starts (from the environment), so tests set it
/// instead of touching the user's real keys or `~/.ssh/known_hosts`.
public struct NetworkAccess: Sendable, Equatable {
    /// Private key files offered over ssh, in this order, each once (its public half is read
    /// from `<key>.pub` when present). One that needs a passphrase is not offered: nothing
    /// here can ask for it, and the error names the file.
    public var sshKeys: [URL]
    /// Whether to ask a running ssh-agent for a key when no key file works.
    public var useSSHAgent: Bool
    /// The token for http(s) remotes (sent as the password), nil when none is set.
    public var token: String?
    /// The user name sent with a token when the address names none.
    public var tokenUser: String
    /// The ssh user when the address names none.
    public var sshUser: String?
    /// The known-hosts file ssh host keys are checked against.
    public var knownHosts: URL?
    /// How many credentials are offered in total before giving up.
    public var maximumAttempts: Int
    /// Whether `token` is the password written in the address (`takingPassword(from:)`), for messages.
    public var passwordFromAddress = false
    /// The environment's `GIT_SSL_CAINFO`, `GIT_SSL_CAPATH`, `SSL_CERT_FILE`, `SSL_CERT_DIR`
    /// and `HOME`: which certificate authorities https servers are checked against (with Git's
    /// `http.sslCAInfo` and `http.sslCAPath`, as `git` reads them).
    public var certificateVariables: [String: String] = [:]
    /// The OpenSSH client configuration whose `Host` blocks say what an ssh address's host
    /// means (`HostName`, `Port`, `User`, `IdentityFile`); nil reads none.
    public var sshConfig: URL?
    /// Whether `sshKeys` were named by the user (`CLINICCTL_SSH_KEY`, as `ssh -i`): then they
    /// are offered before the configuration's identity files, else after them.
    public var sshKeysNamed = false
    /// The ssh-agent's socket (`SSH_AUTH_SOCK`), asked which keys it holds when the server refuses them.
    public var agentSocket: String?

    public init(
        sshKeys: [URL] = [], useSSHAgent: Bool = true, token: String? = nil, tokenUser: String = "x-access-token",
        sshUser: String? = nil, knownHosts: URL? = nil, maximumAttempts: Int = 3
    ) {
        self.sshKeys = sshKeys
        self.useSSHAgent = useSSHAgent
        self.token = token
        self.tokenUser = tokenUser
        self.sshUser = sshUser
        self.knownHosts = knownHosts
        self.maximumAttempts = maximumAttempts
    }
}

/// What the server said about one reference of a push.
public struct PushedReference: Sendable, Equatable, Codable {
    /// The remote reference, e.g. "refs/heads/main".
    public var name: String
    /// Nil when the server accepted the update; otherwise its reason ("pre-receive hook declined").
    public var refusal: String?

    public init(name: String, refusal: String?) {
        self.name = name
        self.refusal = refusal
    }

    public var accepted: Bool { refusal == nil }
}

/// What a push did: per reference, and what the server printed (its `remote:` lines).
public struct PushReport: Sendable, Equatable {
    public var references: [PushedReference]
    /// The server's own messages, one per line, e.g. from its pre-receive hook.
    public var serverMessages: [String]
}

/// One reference a fetch moved or created locally.
public struct FetchedReference: Sendable, Equatable {
    public var name: String
    public var old: ObjectID?
    public var new: ObjectID?
}

extension GitError.Code {
    /// The server could not be reached, or refused who we are or who it claimed to be.
    public static let network = GitError.Code(rawValue: "network")
    /// The server refused our credentials (after the bounded number of attempts).
    public static let authentication = GitError.Code(rawValue: "authentication")
    /// The server's ssh host key is unknown or has changed.
    public static let hostKey = GitError.Code(rawValue: "hostKey")
    /// The server sent us to another server: not followed, or followed without credentials.
    public static let redirect = GitError.Code(rawValue: "redirect")
    /// The https server's certificate is not trusted, or the authorities to trust cannot be read.
    public static let certificate = GitError.Code(rawValue: "certificate")
}

extension Repository {
    /// The folder a remote address names when it is on this computer (a path, `file://…`), as
    /// Git tells them (`url_is_local_not_ssh`): no `scheme://`, and no `:` before the first `/`
    /// (`host:path` is ssh). Nil for a server's address. libgit2 pushes into such a folder
    /// itself, running none of its hooks.
    public static func localFolder(ofAddress address: String) -> String? {
        if let scheme = address.range(of: "://") {
            guard address[..<scheme.lowerBound].lowercased() == "file" else { return nil }
            let path = String(address[scheme.upperBound...])
            return path.removingPercentEncoding ?? path
        }
        guard let colon = address.firstIndex(of: ":") else { return address }
        if let slash = address.firstIndex(of: "/"), slash < colon { return address }
        return nil
    }
}
