import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension Hours {
    struct Special: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "special",
            abstract: "Holiday and other dated hours.", subcommands: [Add.self, List.self, Remove.self])
    }
}
