import ArgumentParser
import ClinicContent
import ClinicExport
import ClinicWorkflow
import Foundation

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Read drafts as changes, then approve or reject them.",
        subcommands: [List.self, Show.self, Approve.self, Reject.self])
}
