import Foundation

/// FAQ, location and hours records already read (and FAQ entries checked),
/// remembered between runs by the Git blob id of their file, so that a command
/// parses only the files it has not seen (docs/cache.md).
///
/// The cache can make clinicctl slower, never wrong: an entry is found only by
/// (path, blob id, default locale) and a file written by another build, cut
/// short or damaged is ignored whole and rebuilt. Writing is best effort (a
/// read-only repository simply goes without) and atomic: a new file is written
/// beside the old one and renamed over it, so a reader sees one or the other.
public final class RecordCache: @unchecked Sendable {
    /// Bump when what is stored, or how reading and checking a record work, changes.
    static let format = 3
    static let magic = "clinicctl records"

    struct Key: Hashable, Sendable {
        var path: String
        var blob: String
        var locale: String
    }

    /// One remembered file: an FAQ entry, or a location or hours record.
    enum Stored: Sendable {
        case faq(CachedFAQRecord)
        case file(CachedFileRecord)
    }

    /// Where the cache lives; nil keeps it in memory only.
    public let file: URL?
    /// Which build of clinicctl may trust the file: its format and the executable's identity.
    let build: String
    private let lock = NSLock()
    private var records: [Key: Stored] = [:]
    private var used: Set<Key> = []
    private var loaded = false
    /// Records this run added, not yet written.
    private var added = 0
    /// How many records were found here instead of being read again (for tests).
    private(set) var hits = 0

    /// A cache kept in `file` (created on the first write), or in memory only when nil.
    public init(file: URL?) {
        self.file = file
        self.build = Self.currentBuild
    }

    init(file: URL?, build: String) {
        self.file = file
        self.build = build
    }

    deinit { persist() }

    /// The record for `path` with blob `blob` read under `locale`, if one is remembered.
    func record(_ path: String, blob: String, locale: String) -> CachedFAQRecord? {
        guard case .faq(let record)? = stored(path, blob: blob, locale: locale) else { return nil }
        return record
    }

    /// The location or hours record for `path` with blob `blob` read under `locale`, if one is remembered.
    func fileRecord(_ path: String, blob: String, locale: String) -> CachedFileRecord? {
        guard case .file(let record)? = stored(path, blob: blob, locale: locale) else { return nil }
        return record
    }

    func remember(_ record: CachedFAQRecord, _ path: String, blob: String, locale: String) {
        store(.faq(record), Key(path: path, blob: blob, locale: locale))
    }

    func remember(_ record: CachedFileRecord, _ path: String, blob: String, locale: String) {
        store(.file(record), Key(path: path, blob: blob, locale: locale))
    }

    private func stored(_ path: String, blob: String, locale: String) -> Stored? {
        lock.withLock {
            loadIfNeeded()
            let key = Key(path: path, blob: blob, locale: locale)
            guard let found = records[key] else { return nil }
            used.insert(key)
            hits += 1
            return found
        }
    }

    private func store(_ record: Stored, _ key: Key) {
        lock.withLock {
            records[key] = record
            used.insert(key)
            added += 1
        }
    }

    /// Writes what this run added, best effort: a failure to write (a read-only
    /// repository, a full disk) leaves the next run to parse again.
    ///
    /// The whole file is rewritten, so a run that added only a few records to a
    /// large cache (a draft's changed files) does not write: parsing those few
    /// again next time costs less than rewriting thousands.
    public func persist() {
        lock.withLock {
            guard added > 0, added * 64 >= records.count, let file else { return }
            added = 0
            // Records of files this run read are kept, with as many others (other drafts, older revisions).
            var kept = records.filter { used.contains($0.key) }
            for (key, record) in records where kept.count < 2 * used.count + 1000 && kept[key] == nil { kept[key] = record }
            var writer = CacheWriter()
            writer.int(kept.count)
            for (key, record) in kept.sorted(by: { ($0.key.path, $0.key.blob) < ($1.key.path, $1.key.blob) }) {
                writer.string(key.path)
                writer.string(key.blob)
                writer.string(key.locale)
                switch record {
                case .faq(let faq):
                    writer.int(0)
                    writer.record(faq)
                case .file(let file):
                    writer.int(1)
                    writer.record(file)
                }
            }
            guard AtomicFile.write(writer.file(magic: Self.magic, build: build), to: file) else { return }
            // The JSON file of earlier builds is never read again.
            let legacy = file.deletingLastPathComponent().appendingPathComponent("records.json")
            if legacy != file { try? FileManager.default.removeItem(at: legacy) }
        }
    }

    /// Reads the file once; anything unreadable, damaged or from another build counts as empty.
    private func loadIfNeeded() {
        guard !loaded else { return }
        loaded = true
        guard let file, let data = try? Data(contentsOf: file) else { return }
        let stored = CacheReader.read(data, magic: Self.magic, build: build) { reader throws(CacheDamage) in
            var stored: [Key: Stored] = [:]
            let count = try reader.count()
            stored.reserveCapacity(count)
            for _ in 0..<count {
                let key = Key(path: try reader.string(), blob: try reader.string(), locale: try reader.string())
                switch try reader.int() {
                case 0: stored[key] = .faq(try reader.record())
                case 1: stored[key] = .file(try reader.fileRecord())
                default: throw CacheDamage()
                }
            }
            return stored
        }
        for (key, record) in stored ?? [:] where records[key] == nil { records[key] = record }
    }

    /// The cache format and the executable's identity (`CacheBuild`): a rebuilt or
    /// upgraded clinicctl never trusts records another build parsed.
    static let currentBuild = "records-\(format) \(CacheBuild.executable)"
}
