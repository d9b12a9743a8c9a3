import ClinicContent
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a bundle into a directory so that a reader sees the old bundle or
/// the new one, never a mixture or a half-written file.
///
/// The files go into a hidden sibling directory (`.<name>.new-<random>`),
/// each flushed to disk, then the directory itself; then that directory takes
/// the final name. On Linux an existing directory is swapped with the new one
/// in one `renameat2(RENAME_EXCHANGE)`, so the path never disappears; where
/// that is unavailable the old directory is renamed aside first and the new
/// one renamed in (a reader may then briefly find no directory, never a
/// partial one). The old files are removed last. The hidden names carry the
/// writer's process id, so that leftovers of a writer that was killed can be
/// told from a write in progress (`removeLeftovers`).
///
/// Only a folder that is empty or holds a previous bundle (its manifest lists
/// every file in it) is replaced: `--out .` inside a repository must not
/// delete the repository.
public enum BundleWriter {
    /// `beforeSwap` runs once the new files are flushed, just before they take the final name.
    public static func write(_ files: BundleFiles, to directory: URL, beforeSwap: () -> Void = {}) throws {
        try write(to: directory, beforeSwap: beforeSwap) { staging in
            for name in files.names {
                let file = staging.appendingPathComponent(name)
                try makeFolder(for: file)
                try files[name]!.write(to: file)
                try sync(file)
            }
        }
    }

    /// Writes the bundle that `exporter` makes of `content` into `directory`, as
    /// `write(_:to:)` does, each file streamed to disk while it is made: a
    /// bundle of tens of megabytes never sits in memory. Returns the files written.
    public static func write(
        _ content: SiteContent, source: BundleSource, to directory: URL, exporter: BundleExporter = BundleExporter(),
        beforeSwap: () -> Void = {}
    ) throws -> [ExportedFile] {
        var written: [ExportedFile] = []
        try write(to: directory, beforeSwap: beforeSwap) { staging in
            written = try exporter.write(content, source: source) { name, produce in
                let file = staging.appendingPathComponent(name)
                try makeFolder(for: file)
                return try StreamedFile.create(file, name: name, produce)
            }
        }
        return written
    }

    /// Makes the folder a file in a subfolder of the bundle (`listings/<id>/`) goes in.
    static func makeFolder(for file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    }

    /// Makes a staging folder, lets `fill` write the files into it (each flushed
    /// to disk), then swaps it in for `directory`.
    static func write(to directory: URL, beforeSwap: () -> Void, fill: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let target = directory.standardizedFileURL
        try checkReplaceable(target)
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let token = "\(getpid())-" + UUID().uuidString.prefix(8).lowercased()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(token)")
        let aside = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(token)")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            try fill(staging)
            try sync(staging)
            beforeSwap()
            var exists: ObjCBool = false
            if fm.fileExists(atPath: target.path, isDirectory: &exists) {
                guard exists.boolValue else {
                    throw BundleWriteError(
                        path: target.path, reason: "it exists and is not a directory; move it away or choose another --out")
                }
                if exchange(staging, target) {
                    try fm.removeItem(at: staging)
                } else {
                    try move(target, aside)
                    try move(staging, target)
                    try fm.removeItem(at: aside)
                }
            } else {
                try move(staging, target)
            }
            try sync(parent)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    /// Removes from `folder` the hidden staging and aside folders (`.<name>.new-<pid>-…`,
    /// `.<name>.old-<pid>-…`) of writers that are no longer running: what a
    /// writer killed mid-write leaves. A write in progress is left alone.
    public static func removeLeftovers(in folder: URL) {
        Leftovers.remove(in: folder, markedBy: [".new-", ".old-"])
    }

    /// Refuses an existing folder that is neither empty nor a previous bundle.
    static func checkReplaceable(_ target: URL) throws {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: target.path, isDirectory: &isFolder), isFolder.boolValue else { return }
        let present = try fm.contentsOfDirectory(atPath: target.path)
        if present.isEmpty || isPreviousBundle(target, holding: present) { return }
        let shown = present.sorted().prefix(3).joined(separator: ", ") + (present.count > 3 ? ", …" : "")
        throw BundleWriteError(
            path: target.path,
            reason:
                "the folder holds other files (\(shown)) and is not a previous bundle; only an empty folder or one written by `clinicctl export` is replaced. Choose a new folder for --out"
        )
    }

    /// Whether `folder` is a bundle: a manifest of this format listing every other file in it.
    static func isPreviousBundle(_ folder: URL, holding present: [String]) -> Bool {
        let manifestURL = folder.appendingPathComponent(BundleExporter.manifestName)
        guard let data = try? Data(contentsOf: manifestURL),
            let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            manifest["format"] as? String == "\(BundleExporter.format).manifest",
            let listed = manifest["files"] as? [[String: Any]]
        else { return false }
        // A listed `listings/glenview/opening_hours.txt` accounts for the folder `listings`.
        let paths = listed.compactMap { $0["path"] as? String }
        let known = Set(paths.compactMap { $0.split(separator: "/").first.map(String.init) } + [BundleExporter.manifestName])
        return present.allSatisfy { known.contains($0) }
    }

    static func move(_ from: URL, _ to: URL) throws {
        guard rename(from.path, to.path) == 0 else {
            throw BundleWriteError(path: to.path, reason: String(cString: strerror(errno)))
        }
    }

    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Swaps two paths in one step (Linux 3.15+, glibc 2.28+); false where that is not available.
    static func exchange(_ a: URL, _ b: URL) -> Bool {
        #if os(Linux)
            // renameat2 is not in Swift's Glibc module (it needs _GNU_SOURCE): look it up by name.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let renameExchange: UInt32 = 2
            return renameat2(AT_FDCWD, a.path, AT_FDCWD, b.path, renameExchange) == 0
        #else
            return false
        #endif
    }

    /// Flushes a file's or a directory's data to disk.
    static func sync(_ url: URL) throws {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw BundleWriteError(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        _ = fsync(fd)
    }
}

/// The bundle could not be written: where, and why.
public struct BundleWriteError: Error, Equatable, Sendable, LocalizedError, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot write the bundle to \(path): \(reason)" }
    public var errorDescription: String? { description }
}
