import CLibGit2
import Foundation

/// libgit2 has no library constructor on Linux and its allocator is only set up by
/// `git_libgit2_init()`. A global `let` is initialised lazily, exactly once, thread-safely.
private let libgit2Initialised: Int32 = {
    let count = git_libgit2_init()
    // Reading is what every command does most, and at chain scale its trees are large
    // (a 5,000-entry folder is about 250 KB): don't hash each object again on every read.
    // Git itself checks ids at fsck and when objects arrive, as libgit2's fetch does.
    // Measured: the first `history faq ID` over 20,000 approvals took over 60 s, most of
    // it in git_odb_hash; 21 s without. (Caching large trees too saved another 20% but
    // took 370 MB more, so the cache limits stay libgit2's.)
    _ = clinic_git_set_strict_hash_verification(0)
    return count
}()

/// Call before the first libgit2 call of any entry point that does not already hold a
/// `Repository` (opening one, or helpers like trailer parsing that allocate).
func ensureLibgit2() {
    _ = libgit2Initialised
}

extension ObjectID {
    /// Copies a libgit2 object id (often borrowed from an object about to be freed).
    init(_ oid: git_oid) {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(40)
        withUnsafeBytes(of: oid.id) { bytes in
            for byte in bytes {
                hex.append(digits[Int(byte >> 4)])
                hex.append(digits[Int(byte & 0x0f)])
            }
        }
        self.init(validatedHex: String(decoding: hex, as: UTF8.self))
    }

    /// The id in libgit2's binary form, as a value the caller can take the address of.
    var raw: git_oid {
        var oid = git_oid()
        // Cannot fail: `hex` is always 40 validated hex digits.
        _ = git_oid_fromstrn(&oid, hex, 40)
        return oid
    }
}

extension Signature {
    /// Copies a signature borrowed from a commit before the commit is freed.
    init(_ signature: git_signature) {
        self.init(
            name: String(cString: signature.name),
            email: String(cString: signature.email),
            time: Date(timeIntervalSince1970: TimeInterval(signature.when.time)),
            timeZoneOffsetMinutes: Int(signature.when.offset))
    }

    /// A libgit2 signature the caller must free with `git_signature_free`.
    func makeLibgit2(_ operation: @autoclosure () -> String) throws -> UnsafeMutablePointer<git_signature> {
        var signature: UnsafeMutablePointer<git_signature>?
        // Git stores whole seconds; rounding down matches what `git` itself records.
        let seconds = git_time_t(time.timeIntervalSince1970.rounded(.down))
        try check(
            git_signature_new(&signature, name, email, seconds, Int32(timeZoneOffsetMinutes)),
            operation())
        return signature!
    }
}

extension CommitInfo {
    /// Copies everything out of a borrowed `git_commit`.
    init(_ commit: OpaquePointer) {
        let parentCount = git_commit_parentcount(commit)
        self.init(
            id: ObjectID(git_commit_id(commit).pointee),
            tree: ObjectID(git_commit_tree_id(commit).pointee),
            parents: (0..<parentCount).map { ObjectID(git_commit_parent_id(commit, $0).pointee) },
            author: Signature(git_commit_author(commit).pointee),
            committer: Signature(git_commit_committer(commit).pointee),
            message: git_commit_message(commit).map { String(cString: $0) } ?? "")
    }
}

/// Orders strings byte-wise, as Git orders refs and index paths.
func gitOrder(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
}
