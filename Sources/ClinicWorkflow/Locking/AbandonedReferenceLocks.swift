import Foundation

extension ContentRepository {
    /// How long a Git reference lock must have stood before it counts as abandoned:
    /// Git and libgit2 hold one for milliseconds while moving a reference.
    static let abandonedReferenceLockAge: TimeInterval = 2

    /// Removes the Git lock files of clinicctl's own references (the published
    /// branch, drafts under `refs/heads/drafts/`, records under `refs/clinicctl/`) that a killed
    /// process left and that have stood for `abandonedReferenceLockAge` seconds.
    ///
    /// `clearStaleReferenceLock` clears the lock of the reference about to be
    /// moved; this clears those of references nobody may move again: a draft
    /// killed while being created, approved or rejected, a record killed while
    /// being written. Called by every writer once it holds one of clinicctl's locks.
    func clearAbandonedReferenceLocks() {
        let fileManager = FileManager.default
        var locks = [publishedRef + ".lock"]
        for namespace in ["refs/heads/drafts", "refs/clinicctl"] {
            let paths = fileManager.subpaths(atPath: gitDirectory.appendingPathComponent(namespace).path) ?? []
            locks += paths.filter { $0.hasSuffix(".lock") }.map { "\(namespace)/\($0)" }
        }
        for name in locks {
            let lock = gitDirectory.appendingPathComponent(name)
            guard let modified = (try? fileManager.attributesOfItem(atPath: lock.path))?[.modificationDate] as? Date,
                Date().timeIntervalSince(modified) >= Self.abandonedReferenceLockAge,
                (try? fileManager.removeItem(at: lock)) != nil
            else { continue }
            environment.notice("removed \(name), left by a clinicctl process that was stopped while moving that reference")
        }
    }
}
