import CLibGit2
import Foundation

/// A failed Git operation: what we were doing, why it failed, and a code callers can branch on.
///
/// The code is a struct rather than an enum so that new codes can be added without
/// breaking callers that switch over the existing ones.
public struct GitError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The kind of failure, mapped from libgit2's error codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        init(rawValue: String) { self.rawValue = rawValue }

        /// The object, reference, revision or repository does not exist.
        public static let notFound = Code(rawValue: "notFound")
        /// Something with that name already exists.
        public static let exists = Code(rawValue: "exists")
        /// Compare-and-swap lost: the reference moved (or vanished) since it was read.
        public static let modified = Code(rawValue: "modified")
        /// Someone else holds the lock file (for example `refs/heads/x.lock`).
        public static let locked = Code(rawValue: "locked")
        /// Local changes or merge conflicts prevent the operation.
        public static let conflict = Code(rawValue: "conflict")
        /// The input is malformed: a bad revision, path, reference or config name.
        public static let invalid = Code(rawValue: "invalid")
        /// HEAD points at a branch that has no commit yet.
        public static let unbornBranch = Code(rawValue: "unbornBranch")
        /// The repository is owned by another user and not listed in `safe.directory`.
        public static let owner = Code(rawValue: "owner")
        /// Any other failure; the message says what libgit2 reported.
        public static let other = Code(rawValue: "other")

        public var description: String { rawValue }
    }

    public let code: Code
    /// What we were doing, e.g. "move reference refs/heads/drafts/x".
    public let operation: String
    /// libgit2's own message, or ours when the failure was detected here.
    public let message: String

    /// Public so that callers' tests can compare whole error values. A password written in an
    /// address in `operation` or `message` is masked here, so no error can carry one.
    public init(code: Code, operation: String, message: String) {
        self.code = code
        self.operation = redactingAddressPasswords(operation)
        self.message = redactingAddressPasswords(message)
    }

    /// "<operation>: <message>", what a user sees.
    public var description: String { "\(operation): \(message)" }
    public var errorDescription: String? { description }
}

/// The one path every libgit2 return code goes through.
///
/// The last error is thread-local and overwritten by the next libgit2 call, so it is read
/// here before anything else runs; the operation text is only built when a call failed.
/// Returns non-negative results unchanged, since some calls use them as answers.
@discardableResult
func check(_ result: Int32, _ operation: @autoclosure () -> String) throws -> Int32 {
    guard result < 0 else { return result }
    let detail = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } }
    var code = GitError.Code(libgit2: result)
    var message = detail ?? "libgit2 failed with code \(result)"
    // libgit2 1.5.1 reports a repository owned by another user as GIT_ENOTFOUND ("config
    // value 'safe.directory' was not found") when no safe.directory is configured at all.
    if code == .notFound, message.contains("'safe.directory'") {
        code = .owner
        message = "the repository is owned by another user"
    }
    if code == .owner {
        message +=
            ". If you trust this repository, add its path to safe.directory in your global"
            + " Git configuration (git config --global --add safe.directory <path>)"
    }
    throw GitError(code: code, operation: operation(), message: message)
}

extension GitError.Code {
    init(libgit2 result: Int32) {
        switch result {
        case GIT_ENOTFOUND.rawValue: self = .notFound
        case GIT_EEXISTS.rawValue: self = .exists
        case GIT_EMODIFIED.rawValue: self = .modified
        case GIT_ELOCKED.rawValue: self = .locked
        case GIT_ECONFLICT.rawValue, GIT_EMERGECONFLICT.rawValue, GIT_EUNCOMMITTED.rawValue:
            self = .conflict
        case GIT_EUNBORNBRANCH.rawValue: self = .unbornBranch
        case GIT_EINVALIDSPEC.rawValue, GIT_EAMBIGUOUS.rawValue, GIT_EPEEL.rawValue,
            GIT_EINVALID.rawValue, GIT_EBAREREPO.rawValue, GIT_EDIRECTORY.rawValue:
            self = .invalid
        case GIT_EOWNER.rawValue: self = .owner
        default: self = .other
        }
    }
}
