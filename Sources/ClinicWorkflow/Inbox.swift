import ClinicContent
import Foundation

/// What waits for one person (`clinicctl inbox`): as a reviewer, drafts by others they may
/// approve; as an author, their drafts that were rejected, that conflict with what is published
/// now, or that someone left a note on since they last changed. Read from what is here (what the
/// last `sync` fetched): nothing goes over the network.
public struct Inbox: Sendable, Codable, Equatable {
    public struct Item: Sendable, Codable, Equatable {
        public enum Kind: String, Sendable, Codable {
            /// An open draft by others that the person may approve.
            case toReview = "to-review"
            /// The person's draft, rejected: `rejectedBy` said why (`reason`).
            case rejected
            /// The person's open draft conflicts with what is published now (`conflicts`).
            case needsUpdate = "needs-update"
            /// Someone else left a note on the person's open draft since it last changed.
            case noted
        }

        public var kind: Kind
        public var draft: String
        public var title: String
        public var authors: [Person]
        /// When the draft was opened; for a rejection, when it was rejected.
        public var since: Date?
        /// For a draft to review: it moved since `review show` last showed it to the person.
        public var changedSinceRead: Bool = false
        public var rejectedBy: Person? = nil
        public var reason: String? = nil
        /// For a draft that needs updating: the entries in conflict.
        public var conflicts: [String] = []
        /// The notes that count on the draft, oldest first.
        public var notes: [DraftNote] = []
        /// What acts on it: show the draft (to review, or read a note), reopen it, or update it.
        public var next: Remedy
    }

    public var person: Person
    public var isReviewer: Bool
    /// To review (newest first), then rejected (newest rejection first), needing update, noted.
    public var items: [Item]
    /// The remote the last sync was with, in a clone; nil without one.
    public var remote: String?
    /// When the last `sync` ran here; nil when it never did.
    public var lastSync: Date?

    public var isEmpty: Bool { items.isEmpty }
    public func items(_ kind: Item.Kind) -> [Item] { items.filter { $0.kind == kind } }
}

extension ContentRepository {
    /// What waits for `person` here, from the drafts, records and notes the last sync fetched.
    public func inbox(for person: Person, remote: String = "origin") throws -> Inbox {
        let open = try drafts.list()
        let notes = Dictionary(grouping: try self.records.notes().filter(\.verified), by: \.draft)
        let isReviewer = config.isReviewer(email: person.email)
        let newestFirst: (Draft, Draft) -> Bool = { ($0.created ?? .distantPast, $0.id) > ($1.created ?? .distantPast, $1.id) }
        var items: [Inbox.Item] = []
        if isReviewer {
            for draft in open.filter({ !$0.hasContribution(by: person) }).sorted(by: newestFirst) {
                let shown = reviews.shownTip(of: draft.id, to: person)
                items.append(
                    .init(
                        kind: .toReview, draft: draft.id, title: draft.title, authors: draft.authors, since: draft.created,
                        changedSinceRead: shown.map { $0 != draft.tip } ?? false, notes: notes[draft.id] ?? [],
                        next: .showDraft(draft.id)))
            }
        }
        let isMine: (Draft) -> Bool = { $0.authors.contains { $0.isSame(as: person) } }
        for draft in try drafts.rejectedDrafts() where isMine(draft) {
            guard let rejection = draft.rejection, rejection.verified else { continue }
            items.append(
                .init(
                    kind: .rejected, draft: draft.id, title: draft.title, authors: draft.authors, since: rejection.time,
                    rejectedBy: rejection.reviewer, reason: rejection.reason, notes: notes[draft.id] ?? [],
                    next: .reopenDraft(draft.id)))
        }
        let mine = open.filter(isMine).sorted(by: newestFirst)
        var noted: [Inbox.Item] = []
        for (draft, check) in zip(mine, try reviews.checks(of: mine)) {
            let onDraft = notes[draft.id] ?? []
            var item = Inbox.Item(
                kind: .needsUpdate, draft: draft.id, title: draft.title, authors: draft.authors, since: draft.created,
                conflicts: check.conflicts, notes: onDraft, next: .updateDraft(draft.id))
            if !check.mergesCleanly {
                items.append(item)
            } else if onDraft.contains(where: { !$0.by.isSame(as: person) && $0.tip == draft.tip }) {
                // A note by someone else on the draft as it is: nothing answered it yet.
                (item.kind, item.next) = (.noted, .showDraft(draft.id))
                noted.append(item)
            }
        }
        let places = try team.draftPlaces(remote: remote)
        return Inbox(person: person, isReviewer: isReviewer, items: items + noted, remote: places?.remote, lastSync: places?.lastSync)
    }
}
