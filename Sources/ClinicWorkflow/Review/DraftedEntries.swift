import ClinicContent
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

extension ContentRepository {
    /// What each open draft's own edits change, entry by entry, oldest draft
    /// first: the draft's tip compared with where it left the published branch.
    ///
    /// Reading only. `entryPrefix` (`faq/`) keeps only entries of one kind.
    public func draftedEntries(entryPrefix: String = "") throws -> [DraftedEntry] {
        var result: [DraftedEntry] = []
        for draft in try drafts() {
            let before = try draft.base.map { try load(at: $0).content }
            let after = try load(at: draft.tip).content
            for change in ContentDiff.changes(from: before, to: after) where change.entry.hasPrefix(entryPrefix) {
                result.append(DraftedEntry(draft: draft.id, entry: change.entry, kind: change.kind, title: change.title))
            }
        }
        return result
    }

    /// The error for an entry missing from the published content: names the
    /// open drafts that hold it and how to read it there, else `fallback`.
    public func missingEntryError(_ entry: String, described: String, fallback: String) throws -> WorkflowError {
        let drafts = try draftedEntries(entryPrefix: entry).filter { $0.entry == entry && $0.kind != .removed }.map(\.draft)
        guard let first = drafts.first else { return WorkflowError(.notFound, fallback, entry: entry) }
        let names = drafts.map { "draft \($0)" }.joined(separator: ", ")
        return WorkflowError(
            .notFound,
            "\(described) is not published yet: it is in open \(names). See it with `--draft \(first)`; "
                + "`clinicctl review show \(first)` shows the whole draft",
            draft: first, entry: entry)
    }
}
