import ClinicContent
internal import ClinicGit
import Foundation

/// An entry an open draft changes: what a command reading the published
/// content mentions, so that content written into a draft is not invisible.
public struct DraftedEntry: Hashable, Sendable, Codable {
    /// The draft's id (`--draft` reads it).
    public var draft: String
    /// `faq/do-you-accept-medicare`, `hours/the-loop`, as in `EntryChange`.
    public var entry: String
    public var kind: EntryChange.Kind
    /// A short human title (`FAQ "Do you accept Medicare?"`).
    public var title: String
}

extension Reviews {
    /// What each open draft's own edits change, entry by entry, oldest draft
    /// first: the draft's tip compared with where it left the published branch.
    ///
    /// Reading only. `entryPrefix` (`faq/`) keeps only entries of one kind.
    public func draftedEntries(entryPrefix: String = "") throws -> [DraftedEntry] {
        var result: [DraftedEntry] = []
        // Drafts mostly share one base (the published tip): what depends on it alone is worked out once.
        var bases: [ObjectID: FAQChangeBase] = [:]
        // A draft's own changes are a pure function of where it began and its tip: remembered under those.
        let cache = DraftResultCache<[DraftedEntry]>(
            file: repository.gitDirectory.appendingPathComponent("clinicctl/cache/drafted-entries.json"))
        for draft in try repository.drafts.list() {
            let key = draft.base.map {
                DraftResultCache<[DraftedEntry]>.Key(base: $0.hex, tip: draft.tip.hex, layout: repository.layout.directory)
            }
            var entries = key.flatMap(cache.value)
            if entries == nil {
                let own = try ownChanges(of: draft, bases: &bases).map {
                    DraftedEntry(draft: draft.id, entry: $0.entry, kind: $0.kind, title: $0.title)
                }
                if let key { cache.remember(own, key) }
                entries = own
            }
            for entry in entries ?? [] where entry.entry.hasPrefix(entryPrefix) {
                // Remembered under the commits, not the name: another draft may have the same tip.
                result.append(DraftedEntry(draft: draft.id, entry: entry.entry, kind: entry.kind, title: entry.title))
            }
        }
        cache.persist()
        return result
    }

    /// A draft's own changes. When the draft changed FAQ files only, only those files
    /// are read (its base, the published tip mostly, is loaded once for all drafts);
    /// otherwise both versions are read whole.
    func ownChanges(of draft: Draft) throws -> [EntryChange] {
        var bases: [ObjectID: FAQChangeBase] = [:]
        return try ownChanges(of: draft, bases: &bases)
    }

    /// `ownChanges(of:)` with the bases already prepared, by commit (those it prepares are added).
    func ownChanges(of draft: Draft, bases: inout [ObjectID: FAQChangeBase]) throws -> [EntryChange] {
        guard let base = draft.base else { return ContentDiff.changes(from: nil, to: try repository.load(at: draft.tip).content) }
        let prepared = try bases[base.id] ?? FAQChangeBase(repository.load(at: base))
        bases[base.id] = prepared
        let before = prepared.loaded
        let files = try repository.withGit(draft: draft.id) { git in
            try git.fileDifferences(from: base.id, to: draft.tip.id).map { file in
                ChangedContentFile(
                    path: file.path, data: file.new?.contents, oldSize: file.old?.size ?? 0,
                    isPlain: file.old.map { $0.mode == .regular } ?? true && file.new.map { $0.mode == .regular } ?? true)
            }
        }
        if let changes = ContentDiff.changes(from: prepared, changing: files) { return changes }
        return ContentDiff.changes(from: before.content, to: try repository.load(at: draft.tip).content)
    }

    /// The error for an entry missing from the published content: names the
    /// open drafts that hold it and how to read it there, else `fallback`.
    public func missingEntryError(_ entry: String, described: String, fallback: String) throws -> WorkflowError {
        let drafts = try draftedEntries(entryPrefix: entry).filter { $0.entry == entry && $0.kind != .removed }.map(\.draft)
        guard let first = drafts.first else { return WorkflowError(.notFound, fallback, entry: entry) }
        let names = drafts.map { "draft \($0)" }.joined(separator: ", ")
        return WorkflowError(
            .notFound,
            "\(described) is not published yet: it is in open \(names)", draft: first, entry: entry, remedy: .readInDraft(first))
    }
}
