import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "What was published, when, drafted and approved by whom.",
        discussion: """
            Times are in the clinic's time zone (timeZone in content/clinic.yaml).
            Examples: clinicctl history; clinicctl history faq what-is-dry-needling; clinicctl history hours glenview --field sat
            """)
    @Argument(help: "faq, location, hours, social or clinic.") var kind: String?
    @Argument(help: "The entry's id (for faq, location, hours).") var id: String?
    @Option(
        help: ArgumentHelp(
            "Only the changes to this field of the entry, as the review names it (answer, address.city; for hours a day: sat, Saturday).",
            valueName: "field"))
    var field: String?
    @Option(help: ArgumentHelp("At most this many changes, newest first.", valueName: "n"))
    var limit: Int = 200
    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var output: JSONOption
    var json: Bool { output.json }

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard let kind else {
            if field != nil { throw ValidationError("--field needs an entry: clinicctl history hours glenview --field sat") }
            return
        }
        guard ["faq", "location", "hours", "social", "clinic", "categories"].contains(kind) else {
            throw ValidationError("\"\(kind)\" is not faq, location, hours, social or clinic")
        }
        if ["faq", "location", "hours"].contains(kind) && id == nil {
            throw ValidationError("say which \(kind) entry: clinicctl history \(kind) ID")
        }
    }

    func run() throws {
        let repository = try self.repository.open()
        let zone = try repository.reviews.clinicTimeZone()
        let entry = kind.map { kind in id.map { "\(kind)/\($0)" } ?? kind }
        let changes =
            try entry.map { try repository.reviews.history(entry: $0, field: field, limit: limit) }
            ?? repository.reviews.history(limit: limit)
        if json { return try Output.printJSON(changes, in: zone) }
        if changes.isEmpty {
            let what = field.map { "to \($0) of \(entry ?? "")" } ?? entry.map { "to \($0)" }
            return print("No published changes" + (what.map { " \($0)" } ?? "") + ".")
        }
        for change in changes {
            print("\(zone.text(change.time))  \(change.commit.short)  \(change.summary)")
            print(
                "    drafted by \(change.draftedBy.map(\.name).joined(separator: ", "))"
                    + (change.approvedBy.map { "; approved by \($0.name)" } ?? "") + (change.signature.map { " (\($0.words))" } ?? ""))
            for edit in change.edits where change.edits.count > 1 { print("    - \(edit)") }
            for fieldChange in change.fieldChanges ?? [] { print("    \(Output.fieldChange(fieldChange))") }
        }
    }
}
