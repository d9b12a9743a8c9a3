import CLibGit2

/// One conflict of an index as libgit2 lists it: the ancestor's, our and their entry (each nil when that side has none).
typealias IndexConflictSides = (
    ancestor: UnsafePointer<git_index_entry>?, our: UnsafePointer<git_index_entry>?, their: UnsafePointer<git_index_entry>?
)

/// Calls `body` for each conflict in `index`, in libgit2's order: the one walk over
/// `git_index_conflict_iterator` that merging and reading a merged index share.
func forEachIndexConflict(in index: OpaquePointer, _ operation: String, _ body: (IndexConflictSides) throws -> Void) throws {
    var iterator: OpaquePointer?
    try check(git_index_conflict_iterator_new(&iterator, index), operation)
    defer { git_index_conflict_iterator_free(iterator) }
    while true {
        var ancestor: UnsafePointer<git_index_entry>?
        var our: UnsafePointer<git_index_entry>?
        var their: UnsafePointer<git_index_entry>?
        let result = git_index_conflict_next(&ancestor, &our, &their, iterator)
        if result == GIT_ITEROVER.rawValue { return }
        try check(result, operation)
        try body((ancestor, our, their))
    }
}
