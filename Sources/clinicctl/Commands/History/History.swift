import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What was published, when, drafted and approved by whom.",
        discussion: "Examples: clinicctl history; clinicctl history faq what-is-dry-needling; clinicctl history hours glenview")
    @Argument(help: "faq, location, hours, social or clinic.") var kind: String?
    @Argument(help: "The entry's id (for faq, location, hours).") var id: String?
    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var output: JSONOption
    var json: Bool { output.json }

    func validate() throws {
        guard let kind else { return }
        guard ["faq", "location", "hours", "social", "clinic", "categories"].contains(kind) else {
            throw ValidationError("\"\(kind)\" is not faq, location, hours, social or clinic")
        }
        if ["faq", "location", "hours"].contains(kind) && id == nil {
            throw ValidationError("say which \(kind) entry: clinicctl history \(kind) ID")
        }
    }

    func run() throws {
        let repository = try self.repository.open()
        let entry = kind.map { kind in id.map { "\(kind)/\($0)" } ?? kind }
        let changes = try repository.history(entry: entry)
        if json { return try Output.printJSON(changes) }
        if changes.isEmpty { return print("No published changes" + (entry.map { " to \($0)" } ?? "") + ".") }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        for change in changes {
            print("\(formatter.string(from: change.time))  \(change.commit.short)  \(change.summary)")
            print(
                "    drafted by \(change.draftedBy.map(\.name).joined(separator: ", "))"
                    + (change.approvedBy.map { "; approved by \($0.name)" } ?? ""))
            for edit in change.edits where change.edits.count > 1 { print("    - \(edit)") }
        }
    }
}
