import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct FAQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faq",
        abstract: "List, show, search, add, edit, remove and reorder FAQ entries, and manage their categories.",
        subcommands: [List.self, Show.self, Search.self, Add.self, Edit.self, Remove.self, Move.self, Category.self])
}
