import ArgumentParser
import ClinicContent
import ClinicExport
import ClinicWorkflow
import Foundation

extension Review {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Drafts waiting for review.")
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var output: JSONOption
        var json: Bool { output.json }

        struct Row: Encodable {
            var id: String, title: String, authors: [String], edits: Int, mergesCleanly: Bool, valid: Bool
            /// What the draft changes beyond content, each needing `--accept` to approve.
            var beyondContent: [Acceptance]
        }

        func run() throws {
            let repository = try self.repository.open()
            let rows = try repository.drafts().map { draft in
                let review = try repository.review(draft.id)
                return Row(
                    id: draft.id, title: draft.title, authors: draft.authors.map(\.description), edits: draft.edits.count,
                    mergesCleanly: review.mergesCleanly, valid: review.isValid, beyondContent: review.needsAcceptance)
            }
            if json { return try Output.printJSON(rows) }
            if rows.isEmpty { return print("Nothing waits for review.") }
            print(
                Output.table(
                    [["DRAFT", "EDITS", "CHECK", "ALSO CHANGES", "BY", "TITLE"]]
                        + rows.map {
                            [
                                $0.id, String($0.edits), !$0.mergesCleanly ? "conflicts" : !$0.valid ? "invalid" : "ok",
                                Output.beyondContent($0.beyondContent),
                                $0.authors.map { $0.components(separatedBy: " <")[0] }.joined(separator: ", "), $0.title,
                            ]
                        }))
        }
    }
}
