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
    @Flag(help: "Print machine-readable JSON.") var json = false

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
        try Output.guarded {
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
}

struct Revert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open a draft that undoes a published change (reviewed like any other).")
    @Argument(help: "The published commit to undo (from `clinicctl history`).") var commit: String
    @OptionGroup var identity: IdentityOptions

    func run() throws {
        try Output.guarded {
            let (repository, person) = try identity.open()
            let result = try repository.revert(commit, as: person)
            if identity.json { return try Output.printJSON(result) }
            Output.printEdit(result)
        }
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "What is published, waiting for review, and deployed.")
    @OptionGroup var repository: RepositoryOptions
    @Flag(help: "Print machine-readable JSON.") var json = false

    func run() throws {
        try Output.guarded {
            let status = try repository.open().status()
            if json { return try Output.printJSON(status) }
            print("Published (\(status.publishedBranch)): \(status.publishedTip.short) \(status.publishedSummary)")
            print("Open drafts: \(status.openDrafts.isEmpty ? "none" : status.openDrafts.joined(separator: ", "))")
            if let deployed = status.deployed {
                print("Deployed: \(deployed.short)" + (status.notDeployed.isEmpty ? " (up to date)" : ""))
            } else {
                print("Deployed: never (run `clinicctl publish`)")
            }
            if !status.notDeployed.isEmpty {
                print("Approved but not deployed yet:")
                status.notDeployed.forEach { print("  \($0)") }
            }
        }
    }
}
