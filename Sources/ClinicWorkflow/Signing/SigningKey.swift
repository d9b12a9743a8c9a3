internal import ClinicGit
internal import ClinicProcess
import Foundation

/// The SSH key a reviewer signs with, and how it is used.
///
/// Signing runs `ssh-keygen -Y sign -n git`, exactly as Git does with
/// `gpg.format=ssh`: that is what makes keys held by ssh-agent and
/// passphrase-protected keys work (ssh-keygen asks the agent, or the terminal),
/// and what keeps private keys out of clinicctl's memory. Verifying needs no
/// secret and is done natively (ClinicSigning).
public struct SigningKey: Sendable, Hashable {
    /// A key file (private, or public when the private half is in ssh-agent), or
    /// a literal public key (`key::ssh-ed25519 AAAA...`, as Git's user.signingKey allows).
    public var key: String
    /// Where the key was named, for messages: `--signing-key`, `CLINICCTL_SIGNING_KEY`, `user.signingKey`.
    public var origin: String

    public init(key: String, origin: String) {
        self.key = key
        self.origin = origin
    }

    /// What to configure, for messages that refuse an unsigned approval.
    public static let howToConfigure = """
        approvals in this repository must be signed with your SSH key (requireSignedApprovals in clinicctl.yaml). Name the key in one of these ways:
          --signing-key ~/.ssh/id_ed25519                (this command only)
          export CLINICCTL_SIGNING_KEY=~/.ssh/id_ed25519
          git config --global gpg.format ssh && git config --global user.signingKey ~/.ssh/id_ed25519.pub   (as Git signs commits)
        and have its public key listed for you under reviewers in clinicctl.yaml (`clinicctl reviewers add --key FILE`)
        """

    /// The key to sign with: `--signing-key`, else `CLINICCTL_SIGNING_KEY`, else Git's
    /// `user.signingKey` when `gpg.format` is `ssh`; nil when none is configured.
    static func configured(explicit: String?, variables: [String: String], git: Repository?) throws -> SigningKey? {
        if let explicit, !explicit.isEmpty { return SigningKey(key: explicit, origin: "--signing-key") }
        if let fromEnvironment = variables["CLINICCTL_SIGNING_KEY"], !fromEnvironment.isEmpty {
            return SigningKey(key: fromEnvironment, origin: "CLINICCTL_SIGNING_KEY")
        }
        guard let git, try git.configString("gpg.format") == "ssh", let key = try git.configString("user.signingKey"), !key.isEmpty
        else { return nil }
        return SigningKey(key: key, origin: "user.signingKey")
    }

    /// Signs `data` for Git (namespace `git`), returning the armoured signature.
    public func sign(_ data: Data, variables: [String: String]) throws -> String {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("clinicctl-sign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let message = scratch.appendingPathComponent("commit")
        try data.write(to: message)
        var arguments = ["-Y", "sign", "-n", "git", "-f"]
        if key.hasPrefix("key::") {
            // A literal public key: the private half must be in ssh-agent (-U), as Git does.
            let file = scratch.appendingPathComponent("key.pub")
            try Data((String(key.dropFirst(5)) + "\n").utf8).write(to: file)
            arguments += [file.path, "-U"]
        } else {
            arguments.append(Self.expandingHome(key, variables))
        }
        arguments.append(message.path)
        let result = try SSHKeygen.run(arguments, variables: variables)
        guard result.status == 0, let signature = try? String(contentsOf: message.appendingPathExtension("sig"), encoding: .utf8)
        else {
            let detail = result.errors.trimmingCharacters(in: .whitespacesAndNewlines)
            throw WorkflowError(
                .refused,
                "could not sign with the key from \(origin) (\(key)): \(detail.isEmpty ? "ssh-keygen failed" : detail). "
                    + "Check the file exists, or that ssh-agent holds the key (ssh-add -l)")
        }
        return signature
    }

    static func expandingHome(_ path: String, _ variables: [String: String]) -> String {
        guard path.hasPrefix("~/"), let home = variables["HOME"] else { return path }
        return home + path.dropFirst(1)
    }
}

/// Runs OpenSSH's ssh-keygen, the one outside program signing needs, with no time limit
/// (it may ask for the key's passphrase on the terminal).
enum SSHKeygen {
    static func run(_ arguments: [String], variables: [String: String]) throws -> (status: Int32, errors: String) {
        let candidates = ["/usr/bin/ssh-keygen", "/usr/local/bin/ssh-keygen", "/opt/homebrew/bin/ssh-keygen"]
        guard let program = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw WorkflowError(.refused, "signing needs OpenSSH's ssh-keygen, which is not installed (Debian: apt install openssh-client)")
        }
        var run = ProgramRun(URL(fileURLWithPath: program), arguments: arguments, environment: variables, timeout: nil)
        run.inheritsInput = true
        var lines: [String] = []
        let outcome = try run.run(output: { lines.append($0) })
        switch outcome.exit {
        case .exited(let status): return (status, lines.map { $0 + "\n" }.joined())
        case .signaled(let signal): return (128 + signal, lines.map { $0 + "\n" }.joined())
        case .timedOut: return (1, lines.map { $0 + "\n" }.joined())
        }
    }
}
