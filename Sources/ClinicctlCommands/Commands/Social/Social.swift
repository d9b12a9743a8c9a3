import ArgumentParser
import ClinicContent
import ClinicWorkflow

struct Social: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "social",
        abstract: "List, add, remove and reorder social profile links.", subcommands: [List.self, Add.self, Remove.self, Move.self])
}
