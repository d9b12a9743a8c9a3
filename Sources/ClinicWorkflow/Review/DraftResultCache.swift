import ClinicContent
import Foundation

/// What was worked out about drafts (their checks, their own changes), remembered
/// between runs by what each result is a pure function of: the commit the draft is
/// compared with (the published tip, or where the draft began), the draft's tip, the
/// content folder, and the clinicctl build.
///
/// Like the record cache it can make clinicctl slower, never wrong: a file that is
/// missing, damaged, cut short or written by another build counts as empty; it is
/// written to a temporary file and renamed over the old one, so a reader sees one
/// whole file or the other; writing is best effort (a read-only repository goes without).
final class DraftResultCache<Value: Codable> {
    /// Bump when what is stored, or how a draft is checked or compared, changes.
    static var format: Int { 1 }

    struct Key: Hashable, Codable {
        var base: String
        var tip: String
        var layout: String
    }

    struct Stored: Codable {
        var key: Key
        var value: Value
    }

    struct Contents: Codable {
        var build: String
        var results: [Stored]
    }

    let file: URL
    /// Which build may trust the file: the format, what is stored, and the executable's path, size and time.
    let build: String
    private var results: [Key: Value] = [:]
    private var used: Set<Key> = []
    private var added = 0

    init(file: URL, build: String = DraftResultCache.currentBuild) {
        self.file = file
        self.build = build
        if let data = try? Data(contentsOf: file), let contents = try? JSONDecoder().decode(Contents.self, from: data),
            contents.build == build
        {
            for stored in contents.results { results[stored.key] = stored.value }
        }
    }

    func value(_ key: Key) -> Value? {
        guard let found = results[key] else { return nil }
        used.insert(key)
        return found
    }

    func remember(_ value: Value, _ key: Key) {
        results[key] = value
        used.insert(key)
        added += 1
    }

    /// Writes the results when this run made new ones, those it used first: results of
    /// an older published tip or an earlier draft tip go when there are many.
    func persist() {
        guard added > 0 else { return }
        added = 0
        // The results this run used, and as many others (a listing of some drafts only keeps the rest).
        var kept = results.filter { used.contains($0.key) }
        for (key, value) in results where kept.count < 2 * used.count + 1000 && kept[key] == nil { kept[key] = value }
        let stored = kept.map { Stored(key: $0.key, value: $0.value) }.sorted { ($0.key.tip, $0.key.base) < ($1.key.tip, $1.key.base) }
        guard let data = try? JSONEncoder().encode(Contents(build: build, results: stored)) else { return }
        AtomicFile.write(data, to: file)
    }

    /// The cache format, what it stores and this executable's identity: a rebuilt or
    /// upgraded clinicctl never trusts results another build made.
    static var currentBuild: String { "drafts-\(format) \(Value.self) \(CacheBuild.executable)" }
}

/// Each open draft's check against the published tip.
typealias DraftCheckCache = DraftResultCache<DraftCheck>
