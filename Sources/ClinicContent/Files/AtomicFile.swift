import Foundation

/// The one way clinicctl replaces a file of its own (caches, indexes, listings).
public enum AtomicFile {
    /// Writes `data` to `file` whole or not at all: a temporary file beside it, renamed
    /// over it, so a reader sees the old file or the new one, never half of one.
    /// Best effort: false when it could not be written (a read-only repository, a full disk).
    @discardableResult
    public static func write(_ data: Data, to file: URL) -> Bool {
        let folder = file.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            ".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
            // rename(2) replaces the old file in one step.
            guard rename(temporary.path, file.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return true
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return false
        }
    }
}
