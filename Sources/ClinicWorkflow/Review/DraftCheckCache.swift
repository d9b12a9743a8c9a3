import ClinicContent
import Foundation

/// Draft checks remembered between runs, by what each is a pure function of: the
/// published tip, the draft's tip (which fix the merge), the content folder, and
/// the clinicctl build.
///
/// Like the record cache it can make clinicctl slower, never wrong: a file that is
/// missing, damaged, cut short or written by another build counts as empty; it is
/// written to a temporary file and renamed over the old one, so a reader sees one
/// whole file or the other; writing is best effort (a read-only repository goes without).
final class DraftCheckCache {
    /// Bump when what is stored, or how a draft is checked, changes.
    static let format = 1

    struct Key: Hashable, Codable {
        var published: String
        var tip: String
        var layout: String
    }

    struct Stored: Codable {
        var key: Key
        var check: DraftCheck
    }

    struct Contents: Codable {
        var build: String
        var checks: [Stored]
    }

    let file: URL
    /// Which build may trust the file: the format and the executable's path, size and time.
    let build: String
    private var checks: [Key: DraftCheck] = [:]
    private var used: Set<Key> = []
    private var added = 0

    init(file: URL, build: String = DraftCheckCache.currentBuild) {
        self.file = file
        self.build = build
        if let data = try? Data(contentsOf: file), let contents = try? JSONDecoder().decode(Contents.self, from: data),
            contents.build == build
        {
            for stored in contents.checks { checks[stored.key] = stored.check }
        }
    }

    func check(_ key: Key) -> DraftCheck? {
        guard let found = checks[key] else { return nil }
        used.insert(key)
        return found
    }

    func remember(_ check: DraftCheck, _ key: Key) {
        checks[key] = check
        used.insert(key)
        added += 1
    }

    /// Writes the checks when this run made new ones, those it used first: checks of
    /// an older published tip or an earlier draft tip go when there are many.
    func persist() {
        guard added > 0 else { return }
        added = 0
        // The checks this run used, and as many others (a listing of some drafts only keeps the rest).
        var kept = checks.filter { used.contains($0.key) }
        for (key, check) in checks where kept.count < 2 * used.count + 1000 && kept[key] == nil { kept[key] = check }
        let stored = kept.map(Stored.init).sorted { ($0.key.tip, $0.key.published) < ($1.key.tip, $1.key.published) }
        guard let data = try? JSONEncoder().encode(Contents(build: build, checks: stored)) else { return }
        writeCacheFile(data, to: file)
    }

    /// The cache format and this executable's identity: a rebuilt or upgraded clinicctl
    /// never trusts checks another build made.
    static let currentBuild = "draft-checks-\(format) \(ExecutableIdentity.current)"
}

/// The running executable's path, size and modification time: what a cache of this
/// build's results is keyed by, as the record cache's build key is.
enum ExecutableIdentity {
    static let current: String = {
        let path = RunningProgram.path ?? ""
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(modified)"
    }()
}
