extension Repository {
    /// `id`, once it is in the object store. libgit2 1.5 can report an object written
    /// when the write failed: after its loose-object write fails (a full disk, a file-size
    /// limit) it retries through a stream whose failed write it ignores, and returns the
    /// id. Without this check a commit that never reached the disk was caught only when
    /// read back ("object not found").
    func stored(_ id: ObjectID, _ operation: String) throws -> ObjectID {
        guard objectExists(id) else {
            throw GitError(
                code: .other, operation: operation,
                message: "object \(id.short) could not be written to the repository. Is the disk full, or a file-size limit reached?")
        }
        return id
    }
}
