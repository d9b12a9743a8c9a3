import ClinicContent
internal import ClinicGit
import Foundation

/// A batch of edits waiting for review, kept on `refs/heads/drafts/<id>`.
public struct Draft: Hashable, Sendable {
    public struct Edit: Hashable, Sendable, Codable {
        public var commit: Revision
        public var summary: String
        public var author: Person
        public var time: Date
        public var change: String?
        public var entry: String?

        /// Whether this edit's record names `entry` (a record may name several, space-separated).
        func touches(_ entry: String) -> Bool { (self.entry ?? "").split(separator: " ").contains { $0 == entry } }
    }

    /// One commit of the draft, wherever it sits in the graph (merged side branches included).
    public struct Contribution: Hashable, Sendable, Codable {
        public var commit: Revision
        public var summary: String
        public var author: Person
        public var committer: Person
    }

    public enum State: String, Sendable, Codable { case open, rejected }

    public var id: String
    public var tip: Revision
    /// Where the draft left the published branch.
    public var base: Revision?
    /// Oldest first.
    public var edits: [Edit]
    /// Every commit reachable from the tip and not from the published branch, all parents
    /// followed, newest first: whoever wrote or committed any of them is an author.
    public var contributions: [Contribution] = []
    public var state: State
    public var rejection: Rejection?
    /// The entries the draft changes now, against where it left the published branch
    /// (`faq/x`, `hours/glenview`, `social`); nil when that is not known.
    public var changedEntries: [String]? = nil

    /// What the draft does now: the newest edit of the first entry it still changes, and
    /// how many more entries it changes. Edits that were undone by later ones, dropped, or
    /// decided for the published side in an update no longer name the draft.
    public var title: String {
        guard let first = edits.first else { return "(no edits)" }
        guard let changed = changedEntries else {
            return edits.count == 1 ? first.summary : "\(first.summary) (+\(edits.count - 1) more)"
        }
        guard !changed.isEmpty else { return "No change left: its edits are undone or already published" }
        let touching = changed.compactMap { entry in edits.last { $0.touches(entry) } }
        guard let named = touching.min(by: { lhs, rhs in edits.firstIndex(of: lhs)! < edits.firstIndex(of: rhs)! }) else {
            return edits.count == 1 ? first.summary : "\(first.summary) (+\(edits.count - 1) more)"
        }
        return changed.count == 1 ? named.summary : "\(named.summary) (+\(changed.count - 1) more)"
    }

    /// Everyone who wrote a commit of the draft: its edits' authors first, then those of merged-in commits.
    public var authors: [Person] {
        var seen: [Person] = []
        for person in edits.map(\.author) + contributions.reversed().map(\.author) where !seen.contains(where: { $0.isSame(as: person) }) {
            seen.append(person)
        }
        return seen
    }

    public var created: Date? { edits.first?.time }
    public var updated: Date? { edits.last?.time }
}

/// Why and by whom a draft was turned down, recorded in the repository.
public struct Rejection: Hashable, Sendable, Codable {
    public var reviewer: Person
    public var reason: String
    public var time: Date
    /// The commit that records the rejection (its parent is the draft's tip).
    public var record: Revision
    /// Whether the record counts (`ClosingRecord`): made by the reviewer it names, who was
    /// listed as a reviewer on the published branch when it was made, signed where signatures
    /// are required. A record written by hand with someone else's name is shown as unverified
    /// and closes nothing.
    public var verified: Bool = false
    /// Why it does not count, when it does not.
    public var unverified: String? = nil
}

extension ContentRepository {
    public func draftRef(_ id: String) -> String { DraftID(id).reference }

    /// The open draft `id`, or an error naming the closest open ones.
    public func draft(_ id: String) throws -> Draft {
        // A name Git could not hold as a branch (`../../HEAD`) is simply no draft.
        let usable = DraftID(id).isReferenceName
        let published = try withGit { try $0.referenceTarget(publishedRef) }
        if usable, let tip = try withGit(draft: id, { try $0.referenceTarget(draftRef(id)) }) {
            return try describeDraft(id: id, tip: tip, published: published, state: .open)
        }
        let rejections = usable ? try records.draftRecords(draft: id).openRejections(of: id) : []
        if let rejection = rejections.first(where: \.verified) {
            throw WorkflowError(
                .notFound,
                "draft \(id) was rejected and is closed", draft: id, reference: rejection.reference, remedy: .reopenDraft(id))
        }
        if let rejection = rejections.first, let problem = rejection.unverified {
            throw WorkflowError(
                .notFound,
                "there is no open draft \"\(id)\"; \(rejection.reference) claims it was rejected, but that record is unverified "
                    + "(\(problem)) and closed nothing. Its edits are kept there", draft: id, reference: rejection.reference)
        }
        let open = try drafts.list().map(\.id)
        throw WorkflowError(
            .notFound, "there is no open draft \"\(id)\"" + Self.closest(to: id, among: open), draft: id,
            reference: usable ? draftRef(id) : nil)
    }

    /// The few open drafts nearest to a mistyped name, and how to see the rest.
    static func closest(to id: String, among open: [String], count: Int = 5) -> String {
        guard !open.isEmpty else { return "; there are no open drafts" }
        let ranked = open.map { ($0, editDistance($0, id)) }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
        let shown = ranked.prefix(count).joined(separator: ", ")
        if open.count <= count { return "; open drafts: \(shown)" }
        return "; the closest open drafts: \(shown) (\(open.count - count) more: `clinicctl drafts` lists them all)"
    }

    /// Levenshtein distance between two names.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }

    func describeDraft(id: String, tip: ObjectID, published: ObjectID?, state: Draft.State) throws -> Draft {
        try withGit(draft: id) { git in
            var draft = try Self.describeDraft(id: id, tip: tip, published: published, state: state, in: git)
            if let base = draft.base {
                // Paths only: no file of the draft is read to name what it changes.
                let paths = try git.changedPaths(from: base.id, to: tip).map(\.path)
                draft.changedEntries = Array(Set(paths.map(entry(forPath:)))).sorted()
            }
            return draft
        }
    }

    /// The draft's edits: its first-parent commits since it left the published branch.
    private static func describeDraft(id: String, tip: ObjectID, published: ObjectID?, state: Draft.State, in git: Repository) throws
        -> Draft
    {
        let base = try published.flatMap { try git.mergeBase(tip, $0) }
        var edits: [Draft.Edit] = []
        var next: ObjectID? = tip
        // First parents one at a time, so a long published history behind the draft is never read.
        while let id = next {
            let commit = try git.commit(id)
            next = commit.parents.first
            if commit.id == base { break }
            if let base, try git.isAncestor(commit.id, of: base) { break }
            var change: String?
            var entry: String?
            switch CommitRecord(message: commit.message) {
            case .edit(let edit): (change, entry) = (edit.change, edit.entry)
            case .revert: change = "revert"
            default: break
            }
            edits.append(
                Draft.Edit(
                    commit: Revision(commit.id), summary: commit.summary,
                    author: Person(name: commit.author.name, email: commit.author.email),
                    time: commit.author.time, change: change, entry: entry))
        }
        let contributions = try git.commits(reachableFrom: tip, excluding: published).map { commit in
            Draft.Contribution(
                commit: Revision(commit.id), summary: commit.summary, author: Person(name: commit.author.name, email: commit.author.email),
                committer: Person(name: commit.committer.name, email: commit.committer.email))
        }
        return Draft(
            id: id, tip: Revision(tip), base: base.map(Revision.init), edits: edits.reversed(), contributions: contributions, state: state)
    }

    /// A draft id made from `hint` that no open or rejected draft uses.
    public func newDraftID(from hint: String) throws -> String {
        var stem = Formats.slug(from: hint, maxLength: 48)
        if stem.isEmpty { stem = "draft" }
        var candidate = stem
        var counter = 2
        let records = try records.draftRecords(draft: stem)
        while try withGit({ try $0.referenceTarget(draftRef(candidate)) }) != nil || !records.openRejections(of: candidate).isEmpty {
            candidate = "\(stem)-\(counter)"
            counter += 1
        }
        return candidate
    }
}

extension Rejection {
    /// Reads a rejection record commit; nil when the commit is not one.
    static func read(from record: CommitInfo) -> Rejection? {
        guard case .rejection(let rejection) = CommitRecord(message: record.message) else { return nil }
        return Rejection(reviewer: rejection.rejectedBy, reason: rejection.reason, time: record.author.time, record: Revision(record.id))
    }
}
