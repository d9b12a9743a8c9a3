import CLibGit2

extension Repository {
    /// The commit a revision names: a branch, tag, full or abbreviated id, or any revspec
    /// Git understands ("HEAD~1", "main^2"), peeled through annotated tags.
    /// GitError `.notFound` when it names nothing, `.invalid` when it is malformed or
    /// names something that is not a commit.
    public func resolveCommit(_ revision: String) throws -> ObjectID {
        let operation = "resolve revision '\(revision)'"
        var object: OpaquePointer?
        try check(git_revparse_single(&object, handle, revision), operation)
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), operation)
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit).pointee)
    }

    /// What the reference `fullName` (e.g. "refs/heads/main" or "HEAD") points at, following
    /// symbolic references; nil when it does not exist (or HEAD's branch is unborn).
    public func referenceTarget(_ fullName: String) throws -> ObjectID? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, handle, fullName)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "read reference \(fullName)")
        return ObjectID(oid)
    }

    /// All references whose full name starts with `prefix` (a plain prefix, not a glob),
    /// sorted by name. Symbolic references are resolved; dangling ones are left out.
    public func references(withPrefix prefix: String) throws -> [ReferenceTarget] {
        let operation = "list references under \(prefix)"
        var iterator: OpaquePointer?
        try check(git_reference_iterator_new(&iterator, handle), operation)
        defer { git_reference_iterator_free(iterator) }
        var names: [String] = []
        while true {
            var name: UnsafePointer<CChar>?
            let result = git_reference_next_name(&name, iterator)
            if result == GIT_ITEROVER.rawValue { break }
            try check(result, operation)
            let fullName = String(cString: name!)
            if fullName.hasPrefix(prefix) {
                names.append(fullName)
            }
        }
        return try names.sorted(by: gitOrder).compactMap { name in
            try referenceTarget(name).map { ReferenceTarget(name: name, target: $0) }
        }
    }

    /// Compare-and-swap: points `fullName` at `newTarget` only if it currently points at
    /// `expected` (nil: only if it does not exist yet).
    ///
    /// Runs under the reference's lock file (libgit2's `git_reference_create_matching`),
    /// so two writers cannot both win. Throws `.modified` when the reference moved or
    /// vanished meanwhile, or already exists when `expected` is nil; `.locked` when another
    /// process holds `<ref>.lock`. `logMessage` goes to the reflog where one is kept.
    public func updateReference(
        _ fullName: String, to newTarget: ObjectID, expected: ObjectID?, logMessage: String
    ) throws {
        let operation = "\(expected == nil ? "create" : "move") reference \(fullName)"
        beforeReferenceUpdate?()
        var new = newTarget.raw
        // The all-zero id is libgit2's "must not exist yet".
        var current = expected?.raw ?? git_oid()
        var reference: OpaquePointer?
        let result = git_reference_create_matching(
            &reference, handle, fullName, &new, 1, &current, logMessage)
        if result == GIT_ENOTFOUND.rawValue, let expected {
            // libgit2 reports a reference deleted meanwhile as "not found"; for the caller
            // it is the same lost race as a move.
            throw GitError(
                code: .modified, operation: operation,
                message: "expected it at \(expected.short), but it no longer exists")
        }
        try check(result, operation)
        git_reference_free(reference)
    }

    /// Deletes `fullName` only if it still points at `expected`; `.modified` otherwise
    /// (also when it no longer exists). The check and the deletion happen under the
    /// reference's lock.
    public func deleteReference(_ fullName: String, expected: ObjectID) throws {
        let operation = "delete reference \(fullName)"
        beforeReferenceUpdate?()
        var reference: OpaquePointer?
        let result = git_reference_lookup(&reference, handle, fullName)
        if result == GIT_ENOTFOUND.rawValue {
            throw GitError(
                code: .modified, operation: operation,
                message: "expected it at \(expected.short), but it no longer exists")
        }
        try check(result, operation)
        defer { git_reference_free(reference) }
        let current = git_reference_target(reference).map { ObjectID($0.pointee) }
        guard current == expected else {
            throw GitError(
                code: .modified, operation: operation,
                message: "expected it at \(expected.short), but it points at \(current?.short ?? "a symbolic target")")
        }
        // git_reference_delete checks again, under the lock, that the value is the one read.
        try check(git_reference_delete(reference), operation)
    }

    /// The branch HEAD points at ("refs/heads/main"), also when that branch has no commit
    /// yet; nil when HEAD is detached.
    public var headReferenceName: String? {
        var reference: OpaquePointer?
        guard git_reference_lookup(&reference, handle, "HEAD") == 0 else { return nil }
        defer { git_reference_free(reference) }
        guard git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC else { return nil }
        return git_reference_symbolic_target(reference).map { String(cString: $0) }
    }
}
