internal import ClinicGit
import Foundation

/// The ssh key files offered to a server, chosen from the injected environment the way
/// plain ssh chooses when told nothing: a newcomer with a key in `~/.ssh` needs no setting.
enum SSHKeyFiles {
    /// The keys looked for in `~/.ssh`, offered in this order, each with its `.pub`. These are
    /// OpenSSH's default identity files; OpenSSH 9.2 tries `id_rsa` first, the newer kinds come
    /// first here.
    static let defaultNames = ["id_ed25519", "id_ecdsa", "id_rsa"]

    /// `CLINICCTL_SSH_KEY` when it is set; else none while an ssh-agent is usable (the agent
    /// answers); else those of `defaultNames` that exist in `$HOME/.ssh`. Without `HOME` in
    /// `variables`, no default key: the machine's own home is never looked up here.
    static func offered(variables: [String: String], agentUsable: Bool) -> [URL] {
        if let explicit = variables["CLINICCTL_SSH_KEY"], !explicit.isEmpty { return [URL(fileURLWithPath: explicit)] }
        guard !agentUsable, let home = variables["HOME"], !home.isEmpty else { return [] }
        let folder = URL(fileURLWithPath: home).appendingPathComponent(".ssh")
        return defaultNames.map { folder.appendingPathComponent($0) }.filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Whether `SSH_AUTH_SOCK` names an agent's socket that is there: set but gone (an old
    /// session's), it is no agent, and the default keys are offered instead.
    static func agentUsable(variables: [String: String]) -> Bool {
        guard let socket = variables["SSH_AUTH_SOCK"], !socket.isEmpty else { return false }
        return FileManager.default.fileExists(atPath: socket)
    }
}

extension WorkEnvironment {
    /// Credentials and host-key checks for talking to a server, from the environment:
    /// `CLINICCTL_SSH_KEY` (a private key file), ssh-agent (`SSH_AUTH_SOCK`), else the default
    /// keys in `~/.ssh` (`SSHKeyFiles`); `CLINICCTL_TOKEN` for http(s); `CLINICCTL_KNOWN_HOSTS`
    /// (else `~/.ssh/known_hosts`); `~/.ssh/config`'s `Host` blocks (only with `HOME` among
    /// the variables); the certificate authorities https servers are checked against.
    var networkAccess: NetworkAccess {
        let home = variables["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        let agent = SSHKeyFiles.agentUsable(variables: variables)
        var access = NetworkAccess(
            sshKeys: SSHKeyFiles.offered(variables: variables, agentUsable: agent),
            useSSHAgent: agent,
            token: variables["CLINICCTL_TOKEN"].flatMap { $0.isEmpty ? nil : $0 },
            sshUser: variables["USER"],
            knownHosts: variables["CLINICCTL_KNOWN_HOSTS"].map { URL(fileURLWithPath: $0) }
                ?? home.appendingPathComponent(".ssh/known_hosts"))
        access.certificateVariables = variables.filter { Self.certificateVariableNames.contains($0.key) }
        access.sshConfig = variables["HOME"].map { URL(fileURLWithPath: $0).appendingPathComponent(".ssh/config") }
        access.sshKeysNamed = !(variables["CLINICCTL_SSH_KEY"] ?? "").isEmpty
        access.agentSocket = agent ? variables["SSH_AUTH_SOCK"] : nil
        return access
    }

    /// What decides which certificate authorities an https server is checked against, as
    /// `git` reads them (`HOME` for a `~/` in `http.sslCAInfo`).
    static let certificateVariableNames: Set = ["GIT_SSL_CAINFO", "GIT_SSL_CAPATH", "SSL_CERT_FILE", "SSL_CERT_DIR", "HOME"]
}
