import Foundation

extension ContentRepository {
    /// Removes Git's own lock file of `reference` (`<git dir>/<reference>.lock`; `index`
    /// for the index) when a clinicctl process killed in the middle of moving that
    /// reference (or of updating the checkout) left it.
    ///
    /// Called only while holding clinicctl's lock on that reference, so no clinicctl
    /// writer can be using it. A plain `git` command may still be moving the reference
    /// at this moment and holds such a file for milliseconds: the file is removed only
    /// once it has stayed for two seconds. Without this, the next move of that
    /// reference would fail as "locked" until someone deleted the file by hand.
    func clearStaleReferenceLock(_ reference: String) {
        let lock = gitDirectory.appendingPathComponent(reference + ".lock")
        let fileManager = FileManager.default
        let deadline = Date().addingTimeInterval(2)
        while fileManager.fileExists(atPath: lock.path) {
            let modified = (try? fileManager.attributesOfItem(atPath: lock.path)[.modificationDate] as? Date) ?? .distantPast
            if Date().timeIntervalSince(modified) >= 2 || Date() >= deadline {
                if (try? fileManager.removeItem(at: lock)) != nil {
                    environment.notice("removed \(reference).lock, left by a clinicctl process that was stopped while moving \(reference)")
                }
                return
            }
            usleep(50_000)
        }
    }
}
