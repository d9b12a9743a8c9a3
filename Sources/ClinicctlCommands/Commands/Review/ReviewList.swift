import ArgumentParser
import ClinicContent
import ClinicExport
import ClinicWorkflow
import Foundation

extension Review {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Drafts waiting for review.")
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var output: JSONOption
        var json: Bool { output.json }

        struct Row: Encodable {
            var id: String, title: String, authors: [String], edits: Int
            /// Nil for a draft only on the server: it is checked once `clinicctl sync` brings it.
            var mergesCleanly: Bool?, valid: Bool?
            /// What the draft changes beyond content, each needing `--accept` to approve.
            var beyondContent: [Acceptance]
            /// In a clone: whether the draft is only here, only on the server, or differs from it (as of the last sync).
            var place: DraftPlace?
        }

        func run() throws {
            let repository = try self.repository.open()
            // Where each draft is, as `drafts` and `status` say it (a clone only).
            let places = try repository.team.draftPlaces()
            let drafts = try repository.drafts.list()
            let checks = try repository.reviews.checks(of: drafts)
            var rows = zip(drafts, checks).map { draft, review in
                return Row(
                    id: draft.id, title: draft.title, authors: draft.authors.map(\.description), edits: draft.edits.count,
                    mergesCleanly: review.mergesCleanly, valid: review.isValid, beyondContent: review.needsAcceptance,
                    place: places?.places[draft.id])
            }
            // Drafts waiting on the server that this copy does not have yet: only their id is known here.
            for id in places?.drafts(.onlyOnServer) ?? [] {
                rows.append(
                    Row(id: id, title: "(run `clinicctl sync` to get it)", authors: [], edits: 0, beyondContent: [], place: .onlyOnServer))
            }
            if json { return try Output.printJSON(rows) }
            let now = repository.environment.now()
            defer { if let places { print(Output.lastSync(places, now: now)) } }
            if rows.isEmpty { return print("Nothing waits for review.") }
            print(
                Output.table(
                    [["DRAFT", "EDITS", "CHECK", "ALSO CHANGES", "BY"] + (places == nil ? [] : ["WHERE"]) + ["TITLE"]]
                        + rows.map {
                            [
                                $0.id, String($0.edits),
                                $0.place == .onlyOnServer
                                    ? "-" : $0.mergesCleanly == false ? "conflicts" : $0.valid == false ? "invalid" : "ok",
                                Output.beyondContent($0.beyondContent),
                                $0.authors.map { $0.components(separatedBy: " <")[0] }.joined(separator: ", "),
                            ] + (places == nil ? [] : [$0.place?.words ?? "-"]) + [$0.title]
                        }))
        }
    }
}
