import CLibGit2
import Foundation

extension Repository {
    /// The commit whose id begins with `hex` (4 to 40 hex digits; a tag object is peeled to
    /// its commit); nil when no object has that prefix or it is not a commit. Only object ids
    /// are looked at, never reference names, so a branch named like an id cannot answer.
    /// `.invalid` when the prefix names several objects.
    public func commit(idPrefix hex: String) throws -> ObjectID? {
        let operation = "look up the commit whose id begins with \(hex)"
        let digits = Set("0123456789abcdefABCDEF".utf8)
        guard (4...40).contains(hex.utf8.count), hex.utf8.allSatisfy(digits.contains) else { return nil }
        var oid = git_oid()
        try check(git_oid_fromstrn(&oid, hex, hex.utf8.count), operation)
        var object: OpaquePointer?
        let found = git_object_lookup_prefix(&object, handle, &oid, hex.utf8.count, GIT_OBJECT_ANY)
        if found == GIT_ENOTFOUND.rawValue { return nil }
        try check(found, operation)
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        let peeled = git_object_peel(&commit, object, GIT_OBJECT_COMMIT)
        if peeled == GIT_ENOTFOUND.rawValue || peeled == GIT_EINVALIDSPEC.rawValue || peeled == GIT_EPEEL.rawValue { return nil }
        try check(peeled, operation)
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit).pointee)
    }
}
