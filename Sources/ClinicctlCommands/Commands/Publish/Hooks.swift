import ArgumentParser
import ClinicWorkflow
import Foundation

struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Set up the Git hooks shipped in hooks/.",
        subcommands: [Install.self, PreReceive.self, PostReceive.self])
}
