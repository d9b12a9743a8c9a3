import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft", abstract: "Bring a draft up to date, or withdraw it.", subcommands: [Update.self, Discard.self])
}
