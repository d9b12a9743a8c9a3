import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a process killed mid-write leaves behind, found by the process id
/// its temporary names carry (`<marker><pid>-<random>`).
enum Leftovers {
    /// Removes the entries of `folder` named `…<marker><pid>-…` whose process is
    /// no longer running. Entries of a live process (a write in progress) stay.
    static func remove(in folder: URL, markedBy markers: [String]) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] {
            guard let marker = markers.lazy.compactMap({ name.range(of: $0) }).first,
                let pid = Int32(name[marker.upperBound...].prefix { $0 != "-" }), pid > 0, isGone(pid)
            else { continue }
            try? fm.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// True when no process has this id (a process of another user still counts as running).
    static func isGone(_ pid: Int32) -> Bool {
        kill(pid, 0) != 0 && errno == ESRCH
    }
}
