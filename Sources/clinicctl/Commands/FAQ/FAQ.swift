import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct FAQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faq",
        abstract: "List, show, add, edit, remove and reorder FAQ entries.",
        subcommands: [List.self, Show.self, Add.self, Edit.self, Remove.self, Move.self])
}
