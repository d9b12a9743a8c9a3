import ClinicContent
import Foundation

/// One draft as `drafts` lists it, and exactly what `drafts --json` prints for it: the listing's
/// contract, built here from the drafts, their rejections, checks, notes and places.
public struct DraftSummary: Sendable, Encodable {
    public var id: String, state: String, title: String, authors: [String], edits: Int
    public var created: Date?, updated: Date?, mergesCleanly: Bool?, valid: Bool?, conflicts: [String]
    public var rejectedBy: String?, rejectionReason: String?, rejectedAt: Date?
    /// Why the rejection record does not count, when it does not (it closed nothing).
    public var rejectionUnverified: String? = nil
    /// What the draft changes beyond content (hooks, settings, files): a reviewer must accept each.
    public var beyondContent: [Acceptance]?
    /// In a clone: whether the draft is only here, only on the server, or differs from it (as of the last sync).
    public var place: DraftPlace?
    /// How many notes that count the draft has (`review show` lists them).
    public var notes: Int = 0
}

/// Which drafts a listing shows.
public enum DraftSelection: Sendable, Equatable {
    /// Open drafts, here and (in a clone) only on the server.
    case open
    /// Open and rejected drafts.
    case all
    /// The drafts `person` wrote, open and rejected.
    case wroteBy(Person)
}

/// What the drafts listing found: the rows, and what it skipped or did not believe on the way.
public struct DraftSummaries: Sendable {
    public var rows: [DraftSummary]
    /// References under `drafts/` that are not drafts.
    public var skipped: [SkippedDraftReference]
    /// Closing records here that do not count.
    public var unverifiedRecords: [ClosingRecord]
    /// In a clone: where each draft is compared with the server; nil without a remote.
    public var places: DraftPlaces?
}

extension Reviews {
    /// The drafts listing: each selected draft with its check against the published branch
    /// (merges, validates, what it changes beyond content), its rejection, notes and place. A
    /// draft the server has and this copy does not yet gets a row with its id only (empty title).
    public func draftSummaries(_ selection: DraftSelection) throws -> DraftSummaries {
        let listing = try repository.drafts.draftListing()
        var drafts = listing.drafts
        if selection != .open { drafts += try repository.drafts.rejectedDrafts() }
        if case .wroteBy(let person) = selection { drafts = drafts.filter { $0.authors.contains { $0.isSame(as: person) } } }
        let places = try repository.team.draftPlaces()
        let open = drafts.filter { $0.state == .open }
        let checks = Dictionary(zip(open.map(\.id), try self.checks(of: open)), uniquingKeysWith: { first, _ in first })
        let notes = Dictionary(grouping: try self.repository.records.notes().filter(\.verified), by: \.draft).mapValues(\.count)
        var rows = drafts.map { draft -> DraftSummary in
            let review = draft.state == .open ? checks[draft.id] : nil
            return DraftSummary(
                id: draft.id, state: draft.state.rawValue, title: draft.title, authors: draft.authors.map(\.description),
                edits: draft.edits.count, created: draft.created, updated: draft.updated,
                mergesCleanly: review?.mergesCleanly, valid: review.map { $0.mergesCleanly && $0.isValid },
                conflicts: review?.conflicts ?? [],
                rejectedBy: draft.rejection.map { $0.reviewer.description + ($0.verified ? "" : " (unverified)") },
                rejectionReason: draft.rejection?.reason, rejectedAt: draft.rejection?.time,
                rejectionUnverified: draft.rejection?.unverified, beyondContent: review?.needsAcceptance,
                place: places?.places[draft.id], notes: notes[draft.id] ?? 0)
        }
        if case .wroteBy = selection {
        } else {
            for id in places?.drafts(.onlyOnServer) ?? [] {
                rows.append(
                    DraftSummary(
                        id: id, state: "open", title: "", authors: [], edits: 0, created: nil, updated: nil, mergesCleanly: nil,
                        valid: nil, conflicts: [], place: .onlyOnServer))
            }
        }
        return DraftSummaries(
            rows: rows, skipped: listing.skipped, unverifiedRecords: try repository.records.unverifiedRecords(), places: places)
    }
}
