import Foundation

/// What validating a content folder found, remembered by the folder's Git tree id,
/// so that `validate --rev` of a revision already validated reads no record at all
/// (docs/cache.md).
///
/// Validation reads nothing but the files below the content folder, and the tree
/// id names all of them, with their modes; their findings are a pure function of
/// that id, the folder's path and the build of clinicctl. One thing outside the
/// build is asked of the system: whether the clinic's time zone is a known one,
/// so the answer given then is kept and asked again before a remembered result is used.
///
/// Each result is one small file, written whole and renamed into place; a file
/// from another build, cut short or damaged is ignored, as is one for another
/// tree or folder. Writing is best effort.
public final class ValidationCache: @unchecked Sendable {
    /// Bump when what is stored changes.
    static let format = 1
    static let magic = "clinicctl validation"
    /// Results kept: beyond this many files the oldest half goes.
    static let limit = 256

    /// Where the results live; nil keeps none.
    public let folder: URL?
    let build: String

    /// A cache kept in `folder` (created on the first write), or none when nil.
    public init(folder: URL?) {
        self.folder = folder
        self.build = "validation-\(Self.format) \(CacheBuild.executable)"
    }

    init(folder: URL?, build: String) {
        self.folder = folder
        self.build = build
    }

    /// The findings of the content folder `directory` whose Git tree is `tree`, when
    /// a trusted result is remembered; nil when the folder must be validated.
    public func findings(directory: String, tree: String) -> [Finding]? {
        guard let file = file(directory: directory, tree: tree), let data = try? Data(contentsOf: file) else { return nil }
        let stored = CacheReader.read(data, magic: Self.magic, build: build) { reader throws(CacheDamage) in
            (try reader.string(), try reader.string(), try reader.string(), try reader.bool(), try reader.findings())
        }
        guard let (storedDirectory, storedTree, timeZone, known, findings) = stored, storedDirectory == directory, storedTree == tree,
            Formats.isIANATimeZone(timeZone) == known
        else { return nil }
        return findings
    }

    /// Remembers `findings`, made by validating `loaded`, the content folder `directory` with Git tree `tree`.
    public func remember(_ findings: [Finding], of loaded: LoadedContent, directory: String, tree: String) {
        guard let file = file(directory: directory, tree: tree) else { return }
        let timeZone = loaded.content.clinic.timeZone
        var writer = CacheWriter()
        writer.string(directory)
        writer.string(tree)
        writer.string(timeZone)
        writer.bool(Formats.isIANATimeZone(timeZone))
        writer.findings(findings)
        guard AtomicFile.write(writer.file(magic: Self.magic, build: build), to: file) else { return }
        prune()
    }

    /// One file per (folder, tree): the tree id and a checksum of the folder's path name it.
    private func file(directory: String, tree: String) -> URL? {
        guard let folder, tree.allSatisfy({ $0.isHexDigit }) else { return nil }
        let path = Array(directory.utf8)
        return folder.appendingPathComponent("\(tree)-\(String(CacheChecksum.of(path), radix: 16)).bin")
    }

    /// Keeps the folder small: past `limit` results, the least recently written half goes.
    private func prune() {
        guard let folder,
            let names = try? FileManager.default.contentsOfDirectory(
                at: folder, includingPropertiesForKeys: [.contentModificationDateKey]),
            names.count > Self.limit
        else { return }
        let dated = names.map {
            ($0, (try? $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast)
        }
        for (name, _) in dated.sorted(by: { $0.1 < $1.1 }).prefix(names.count - Self.limit / 2) {
            try? FileManager.default.removeItem(at: name)
        }
    }
}
