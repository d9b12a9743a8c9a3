import ArgumentParser
import ClinicContent
import ClinicWorkflow

struct Social: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, add and remove social profile links.", subcommands: [List.self, Add.self, Remove.self])
}
