import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension DraftLock {
    /// Removes the lock files of other names that nobody holds and whose
    /// recorded holder has died: a writer killed while holding a draft's lock
    /// leaves its file, and that draft may never be written again (approved,
    /// dropped). Each is removed while locked, as a holder removes its own, so
    /// a writer that opened it meanwhile notices and opens a fresh one.
    static func removeAbandoned(in folder: URL, besides held: String, notice: (String) -> Void) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasSuffix(".lock") {
            let path = folder.appendingPathComponent(name).path
            guard path != held else { continue }
            let descriptor = open(path, O_RDWR | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0, isSameFile(descriptor, path) else { continue }
            // Nobody holds it. A writer that created it and has not locked it yet
            // finds it gone once it does, and opens a new one.
            let holder = DraftLock(path: path, descriptor: descriptor).previousHolder()
            unlink(path)
            if let holder { notice("removed the lock file \(name) left by process \(holder), which is no longer running") }
        }
    }
}
