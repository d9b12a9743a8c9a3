import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct Drafts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drafts",
        abstract: "List open drafts: id, title, authors, age, edits, and whether each merges and validates.")

    @OptionGroup var repository: RepositoryOptions
    @Flag(help: "Also list rejected drafts.") var all = false
    @Flag(help: "Only drafts you wrote, with reviewers' reasons for rejected ones.") var mine = false
    @OptionGroup var person: PersonOption
    @OptionGroup var output: JSONOption
    var json: Bool { output.json }

    struct Row: Encodable {
        var id: String, state: String, title: String, authors: [String], edits: Int
        var created: Date?, updated: Date?, mergesCleanly: Bool?, valid: Bool?, conflicts: [String]
        var rejectedBy: String?, rejectionReason: String?, rejectedAt: Date?
        /// Why the rejection record does not count, when it does not (it closed nothing).
        var rejectionUnverified: String? = nil
        /// What the draft changes beyond content (hooks, settings, files): a reviewer must accept each.
        var beyondContent: [Acceptance]?
        /// In a clone: whether the draft is only here, only on the server, or differs from it (as of the last sync).
        var place: DraftPlace?
        /// How many notes that count the draft has (`clinicctl draft note`; `review show` lists them).
        var notes: Int = 0
    }

    func run() throws {
        let repository = try self.repository.open()
        let listing = try repository.draftListing()
        Output.noteSkipped(listing.skipped)
        Output.noteUnverified(try repository.unverifiedRecords())
        var drafts = listing.drafts
        if all || mine { drafts += try repository.rejectedDrafts() }
        if mine {
            let me = try repository.identity(explicit: person.author)
            drafts = drafts.filter { $0.authors.contains { $0.isSame(as: me) } }
        }
        let places = try repository.draftPlaces()
        let open = drafts.filter { $0.state == .open }
        let checks = Dictionary(zip(open.map(\.id), try repository.checks(of: open)), uniquingKeysWith: { first, _ in first })
        let notes = Dictionary(grouping: try repository.notes().filter(\.verified), by: \.draft).mapValues(\.count)
        var rows = drafts.map { draft -> Row in
            let review = draft.state == .open ? checks[draft.id] : nil
            return Row(
                id: draft.id, state: draft.state.rawValue, title: draft.title, authors: draft.authors.map(\.description),
                edits: draft.edits.count, created: draft.created, updated: draft.updated,
                mergesCleanly: review?.mergesCleanly, valid: review.map { $0.mergesCleanly && $0.isValid },
                conflicts: review?.conflicts ?? [],
                rejectedBy: draft.rejection.map { $0.reviewer.description + ($0.verified ? "" : " (unverified)") },
                rejectionReason: draft.rejection?.reason, rejectedAt: draft.rejection?.time,
                rejectionUnverified: draft.rejection?.unverified, beyondContent: review?.needsAcceptance,
                place: places?.places[draft.id], notes: notes[draft.id] ?? 0)
        }
        // Drafts the server has and this copy does not yet: only their id is known here.
        for id in places?.drafts(.onlyOnServer) ?? [] where !mine {
            rows.append(
                Row(
                    id: id, state: "open", title: "(run `clinicctl sync` to get it)", authors: [], edits: 0, created: nil, updated: nil,
                    mergesCleanly: nil, valid: nil, conflicts: [],
                    place: .onlyOnServer))
        }
        if json { return try Output.printJSON(rows) }
        let now = repository.environment.now()
        defer { if let places { print(Output.lastSync(places, now: now)) } }
        if rows.isEmpty { return print(mine ? "You have no drafts." : "No open drafts.") }
        print(
            Output.table(
                [
                    ["DRAFT", "STATE", "EDITS", "AGE", "AUTHORS", "CHECK", "ALSO CHANGES"] + (places == nil ? [] : ["WHERE"]) + [
                        "NOTES", "TITLE",
                    ]
                ]
                    + rows.map { row in
                        let check =
                            row.state == "rejected" || row.place == .onlyOnServer
                            ? "-" : row.mergesCleanly == false ? "conflicts" : row.valid == false ? "invalid" : "ok"
                        return [
                            row.id, row.state, String(row.edits), Output.age(row.created, now: now),
                            row.authors.map { $0.components(separatedBy: " <")[0] }.joined(separator: ", "), check,
                            Output.beyondContent(row.beyondContent ?? []),
                        ] + (places == nil ? [] : [row.place?.words ?? "-"]) + [row.notes == 0 ? "-" : String(row.notes), row.title]
                    }))
        for row in rows where row.state == "rejected" {
            print("\n\(row.id) was rejected by \(row.rejectedBy ?? "?"):")
            print(Output.wrap(row.rejectionReason ?? "", indent: "  "))
            if let why = row.rejectionUnverified { print(Output.wrap("(unverified: \(why); this record closes nothing)", indent: "  ")) }
        }
    }
}
