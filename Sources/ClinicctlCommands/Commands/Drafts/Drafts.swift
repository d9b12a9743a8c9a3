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

    /// The title of a draft only the server has, until `sync` brings it.
    static let notFetchedTitle = "(run `clinicctl sync` to get it)"

    func run() throws {
        let repository = try self.repository.open()
        let selection: DraftSelection = mine ? .wroteBy(try repository.identity(explicit: person.author)) : all ? .all : .open
        let summaries = try repository.reviews.draftSummaries(selection)
        Output.noteSkipped(summaries.skipped)
        Output.noteUnverified(summaries.unverifiedRecords)
        let places = summaries.places
        let rows = summaries.rows.map { row in
            var row = row
            if row.place == .onlyOnServer, row.title.isEmpty { row.title = Self.notFetchedTitle }
            return row
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
