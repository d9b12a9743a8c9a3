import ClinicContent
import ClinicGit
import Foundation

/// A batch of edits waiting for review, kept on `refs/heads/drafts/<id>`.
public struct Draft: Hashable, Sendable {
    public struct Edit: Hashable, Sendable, Codable {
        public var commit: ObjectID
        public var summary: String
        public var author: Person
        public var time: Date
        public var change: String?
        public var entry: String?
    }

    public enum State: String, Sendable, Codable { case open, rejected }

    public var id: String
    public var tip: ObjectID
    /// Where the draft left the published branch.
    public var base: ObjectID?
    /// Oldest first.
    public var edits: [Edit]
    public var state: State
    public var rejection: Rejection?

    /// The first edit's summary, and how many more there are.
    public var title: String {
        guard let first = edits.first else { return "(no edits)" }
        return edits.count == 1 ? first.summary : "\(first.summary) (+\(edits.count - 1) more)"
    }

    public var authors: [Person] {
        var seen: [Person] = []
        for edit in edits where !seen.contains(where: { $0.isSame(as: edit.author) }) { seen.append(edit.author) }
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
    public var record: ObjectID
    /// Whether the record's author is the reviewer it names, and was listed as a
    /// reviewer on the published branch when it was made. A record written by
    /// hand with someone else's name is shown as unverified.
    public var verified: Bool = false
}

extension ContentRepository {
    public func draftRef(_ id: String) -> String { Self.draftPrefix + id }
    public func rejectedRef(_ id: String) -> String { Self.rejectedPrefix + id }

    /// The open draft `id`, or an error listing the open ones.
    public func draft(_ id: String) throws -> Draft {
        let published = try withGit { try $0.referenceTarget(publishedRef) }
        if let tip = try withGit(draft: id, { try $0.referenceTarget(draftRef(id)) }) {
            return try describeDraft(id: id, tip: tip, published: published, state: .open)
        }
        if try withGit(draft: id, { try $0.referenceTarget(rejectedRef(id)) }) != nil {
            throw WorkflowError(
                .notFound, "draft \(id) was rejected and is closed; see `clinicctl drafts --mine` for the reason, then start a new draft",
                draft: id, reference: rejectedRef(id))
        }
        let open = try drafts().map(\.id)
        throw WorkflowError(
            .notFound,
            "there is no open draft \"\(id)\""
                + (open.isEmpty ? "; there are no open drafts" : "; open drafts: \(open.joined(separator: ", "))"),
            draft: id, reference: draftRef(id))
    }

    func describeDraft(id: String, tip: ObjectID, published: ObjectID?, state: Draft.State) throws -> Draft {
        try withGit(draft: id) { git in try Self.describeDraft(id: id, tip: tip, published: published, state: state, in: git) }
    }

    /// The draft's edits: its first-parent commits since it left the published branch.
    private static func describeDraft(id: String, tip: ObjectID, published: ObjectID?, state: Draft.State, in git: Repository) throws
        -> Draft
    {
        let base = try published.flatMap { try git.mergeBase(tip, $0) }
        var edits: [Draft.Edit] = []
        for commit in try git.firstParentLog(from: tip, limit: 500) {
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
                    commit: commit.id, summary: commit.summary, author: Person(name: commit.author.name, email: commit.author.email),
                    time: commit.author.time, change: change, entry: entry))
        }
        return Draft(id: id, tip: tip, base: base, edits: edits.reversed(), state: state)
    }

    /// A draft id made from `hint` that no open or rejected draft uses.
    public func newDraftID(from hint: String) throws -> String {
        var stem = Formats.slug(from: hint, maxLength: 48)
        if stem.isEmpty { stem = "draft" }
        var candidate = stem
        var counter = 2
        while try withGit({ try $0.referenceTarget(draftRef(candidate)) ?? $0.referenceTarget(rejectedRef(candidate)) }) != nil {
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
        return Rejection(reviewer: rejection.rejectedBy, reason: rejection.reason, time: record.author.time, record: record.id)
    }
}
