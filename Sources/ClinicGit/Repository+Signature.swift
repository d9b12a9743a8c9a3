import CLibGit2
import Foundation

/// A commit's signature as Git stores it: the `gpgsig` header, and the bytes it signs.
public struct CommitSignature: Sendable, Hashable {
    /// The armoured signature (`-----BEGIN SSH SIGNATURE-----` ...).
    public var armoured: String
    /// The commit object without its `gpgsig` header: what the signature must cover.
    public var signedData: Data
}

extension Repository {
    /// The signature stored in `commit`, nil when it is not signed.
    public func signature(of commit: ObjectID) throws -> CommitSignature? {
        let operation = "read the signature of commit \(commit.short)"
        var raw = commit.raw
        var signature = git_buf()
        var signed = git_buf()
        defer {
            git_buf_dispose(&signature)
            git_buf_dispose(&signed)
        }
        let result = git_commit_extract_signature(&signature, &signed, handle, &raw, nil)
        if result == GIT_ENOTFOUND.rawValue {
            // Unsigned, unless the commit itself is missing.
            _ = try self.commit(commit)
            return nil
        }
        try check(result, operation)
        return CommitSignature(
            armoured: String(decoding: Data(bytes: signature.ptr, count: signature.size), as: UTF8.self),
            signedData: Data(bytes: signed.ptr, count: signed.size))
    }

    /// Writes the commit object `content` with `signature` in its `gpgsig` header.
    func writeSignedCommit(_ id: inout git_oid, content: Data, signature: String, _ operation: String) throws {
        // Git's own signed commits carry the armour without its final newline; libgit2
        // adds the header's line ending itself, and a second one breaks verification.
        var armour = signature
        while armour.hasSuffix("\n") { armour.removeLast() }
        guard let text = String(data: content, encoding: .utf8) else {
            throw GitError(code: .invalid, operation: operation, message: "the commit is not UTF-8 text")
        }
        try check(git_commit_create_with_signature(&id, handle, text, armour, "gpgsig"), operation)
    }
}
