import ClinicContent
internal import ClinicGit
import ClinicSigning
import Foundation

/// Reading a reviewer's public key from the `.pub` file ssh-keygen wrote.
public enum ReviewerKeyFile {
    /// The key line in `path`, checked to be a supported public key; a private key or anything
    /// else is refused with what to give instead.
    public static func read(_ path: String) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw WorkflowError(.notFound, "cannot read the key file \(path); give the public key, like ~/.ssh/id_ed25519.pub")
        }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        do {
            return try SSHPublicKey(line: line).description + (comment(line).map { " \($0)" } ?? "")
        } catch {
            let hint = text.contains("PRIVATE KEY") ? "this is a private key; give its .pub file" : "\(error)"
            throw WorkflowError(.invalid, "\(path) is not an SSH public key: \(hint)")
        }
    }

    private static func comment(_ line: String) -> String? {
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        return parts.count > 2 ? String(parts[2]).trimmingCharacters(in: .whitespaces) : nil
    }
}

/// One listed key, as `reviewers list` shows it.
public struct ListedKey: Sendable, Codable, Hashable {
    public var reviewer: Person
    public var type: String
    public var fingerprint: String
    public var key: String
}

extension Signatures {
    /// Every reviewer's keys on the published tip (a key that cannot be read is left out; `validate` reports it).
    public func listedKeys() -> [ListedKey] {
        repository.config.reviewers.flatMap { reviewer in
            reviewer.keys.compactMap { line in
                guard let key = try? SSHPublicKey(line: line) else { return nil }
                return ListedKey(
                    reviewer: Person(name: reviewer.name, email: reviewer.email), type: key.type, fingerprint: key.fingerprint,
                    key: key.description)
            }
        }
    }

    /// The reviewers' keys in Git's `gpg.ssh.allowedSignersFile` format: `email namespaces="git" KEY`,
    /// so that `git -c gpg.ssh.allowedSignersFile=FILE verify-commit` checks approvals by hand.
    public func allowedSigners() -> String {
        listedKeys().map { "\($0.reviewer.email) namespaces=\"git\" \($0.key)\n" }.joined()
    }
}
