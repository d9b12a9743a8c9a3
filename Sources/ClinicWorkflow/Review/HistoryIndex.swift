import ClinicContent
internal import ClinicGit
import Foundation

/// Which published changes touched which entries, kept in
/// `<git dir>/clinicctl/history-index` so that `history faq ID` reads the
/// commits that changed the entry instead of comparing every commit of the
/// published branch with its parent, each time.
///
/// What a first-parent commit touched is a function of the commit alone, so
/// the index only ever grows: a command walks from the published tip down to
/// the tip the index was built to, and adds what it finds. An index that is
/// missing, unreadable, truncated, from another format or another content
/// folder, or whose tip is no longer on the published branch's first-parent
/// line (the branch was rewritten) is ignored and rebuilt from the branch
/// itself: it can make a command slower, never wrong. It is written to a
/// temporary file and renamed into place, so concurrent commands each see a
/// whole index; a write that fails leaves the command's answer unchanged.
struct HistoryIndex: Equatable {
    /// One first-parent commit that touched an entry; `depth` counts from the
    /// branch's first commit (1), so changes of several entries can be ordered.
    struct Change: Equatable {
        var depth: Int
        var commit: ObjectID
    }

    static let header = "clinicctl history index 1"

    /// The content folder the entries were named under (`content`).
    var directory: String
    /// The first-parent commit the index was built to, and its depth.
    var tip: ObjectID?
    var depth: Int = 0
    /// Entry (`faq/x`, `hours/glenview`, `social`) → the commits that changed it, newest first.
    var changes: [String: [Change]] = [:]

    /// The changes to `entry` or to its parts (`faq/x/…`), newest first.
    func changes(of entry: String) -> [Change] {
        changes.filter { $0.key == entry || $0.key.hasPrefix(entry + "/") }.values.joined()
            .sorted { $0.depth > $1.depth }
    }

    /// The index as stored: the header, the content folder, the tip and its
    /// depth, one line per entry (`entry depth:commit …`, newest first), and
    /// an `end` line with the number of entries, so a cut-off file is seen.
    var text: String {
        var lines = [Self.header, directory, "\(tip?.hex ?? "-") \(depth)"]
        for (entry, list) in changes.sorted(by: { $0.key < $1.key }) {
            lines.append(([entry] + list.map { "\($0.depth):\($0.commit.hex)" }).joined(separator: " "))
        }
        lines.append("end \(changes.count)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The changes to `entry` (as `changes(of:)`) read straight from a stored
    /// index built to `tip` under `directory`, parsing only that entry's lines:
    /// reading every line costs more than the rest of the command on a long
    /// history. Nil when the text is not a whole index to that tip, or a line
    /// read is damaged; the caller then reads (and if need be rebuilds) it all.
    static func changes(of entry: String, in text: String, directory: String, tip: ObjectID) -> [Change]? {
        var lines = Self.split(Substring(text), at: "\n")
        guard lines.count >= 5, lines.removeLast().isEmpty, lines[0] == header, lines[1] == directory,
            lines[2].hasPrefix(tip.hex + " ")
        else { return nil }
        guard lines.removeLast() == "end \(lines.count - 3)" else { return nil }
        var found: [Change] = []
        for line in lines.dropFirst(3) where line.hasPrefix(entry + " ") || line.hasPrefix(entry + "/") {
            guard let list = parseChanges(Self.split(line, at: " ").dropFirst()) else { return nil }
            found += list
        }
        return found.sorted { $0.depth > $1.depth }
    }

    /// `text` cut at each `separator`, byte by byte: splitting a long index by
    /// Characters (grapheme clusters) costs more than the rest of a command.
    static func split(_ text: Substring, at separator: Unicode.Scalar) -> [Substring] {
        text.utf8.split(separator: UInt8(separator.value), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// `depth:commit` fields; nil when one is damaged.
    static func parseChanges(_ fields: ArraySlice<Substring>) -> [Change]? {
        var list: [Change] = []
        for field in fields {
            let parts = field.split(separator: ":")
            guard parts.count == 2, let depth = Int(parts[0]), let id = ObjectID(hex: String(parts[1])) else { return nil }
            list.append(Change(depth: depth, commit: id))
        }
        return list
    }

    /// Reads a stored index; nil for anything that is not a whole index of this format.
    init?(text: String) {
        var lines = Self.split(Substring(text), at: "\n")
        guard lines.count >= 5, lines.removeLast().isEmpty, lines[0] == Self.header else { return nil }
        let end = lines.removeLast().split(separator: " ")
        guard end.count == 2, end[0] == "end", Int(end[1]) == lines.count - 3 else { return nil }
        let tip = lines[2].split(separator: " ")
        guard tip.count == 2, let depth = Int(tip[1]) else { return nil }
        directory = String(lines[1])
        self.depth = depth
        if tip[0] != "-" {
            guard let id = ObjectID(hex: String(tip[0])) else { return nil }
            self.tip = id
        }
        for line in lines.dropFirst(3) {
            let fields = Self.split(line, at: " ")
            guard let entry = fields.first, let list = Self.parseChanges(fields.dropFirst()) else { return nil }
            changes[String(entry)] = list
        }
    }

    init(directory: String) {
        self.directory = directory
    }
}

extension Reviews {
    var historyIndexFile: URL { repository.gitDirectory.appendingPathComponent("clinicctl/history-index") }

    /// The published changes to `entry` up to `tip`, newest first, from the history index.
    func indexedChanges(of entry: String, upTo tip: ObjectID) throws -> [HistoryIndex.Change] {
        if let text = try? String(contentsOf: historyIndexFile, encoding: .utf8),
            let changes = HistoryIndex.changes(of: entry, in: text, directory: repository.layout.directory, tip: tip)
        {
            return changes
        }
        return try historyIndex(upTo: tip).changes(of: entry)
    }

    /// The index of the published branch's first-parent history up to `tip`:
    /// the stored one, brought up to date (and stored again) when the branch moved.
    func historyIndex(upTo tip: ObjectID) throws -> HistoryIndex {
        let stored = (try? String(contentsOf: historyIndexFile, encoding: .utf8)).flatMap(HistoryIndex.init(text:))
        if let stored, stored.directory == repository.layout.directory, stored.tip == tip { return stored }
        // What each commit above the stored tip changed, newest first; all commits when the stored tip is not below.
        // Only the ids and the entries changed are kept: at 20,000 approvals whole commits were most of the memory.
        var walked: [(commit: ObjectID, entries: [String])] = []
        var base = stored.flatMap { $0.directory == repository.layout.directory ? $0 : nil }
        try repository.withGit { git in
            let reachedBase = try git.firstParentChanges(from: tip, downTo: base?.tip, under: repository.layout.directory) {
                commit, paths in
                walked.append((commit, entries(changedAt: paths)))
            }
            if !reachedBase { base = nil }
        }
        var index = base ?? HistoryIndex(directory: repository.layout.directory)
        for (commit, entries) in walked.reversed() {
            index.depth += 1
            for entry in entries {
                index.changes[entry, default: []].insert(.init(depth: index.depth, commit: commit), at: 0)
            }
        }
        index.tip = tip
        store(index)
        return index
    }

    /// The entries (`faq/x`, `social`) a commit changed against its first parent.
    func entries(changedBy commit: CommitInfo) throws -> [String] {
        entries(
            changedAt: try repository.withGit(revision: commit.id.hex) { try $0.changedPaths(from: commit.parents.first, to: commit.id) }
                .map(\.path))
    }

    /// The entries the files at `paths` belong to, each once, sorted; files outside the content folder belong to none.
    func entries(changedAt paths: [String]) -> [String] {
        Array(Set(paths.filter { $0.hasPrefix(repository.layout.directory + "/") }.map(repository.entry(forPath:)))).sorted()
    }

    /// Writes the index beside the other clinicctl files; a failure only means the next command walks again.
    private func store(_ index: HistoryIndex) {
        AtomicFile.write(Data(index.text.utf8), to: historyIndexFile)
    }
}
