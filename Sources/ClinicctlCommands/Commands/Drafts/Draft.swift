import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Bring a draft up to date, take edits out of it, leave a note on it, reopen it, or withdraw it.",
        subcommands: [Update.self, Undo.self, Drop.self, Note.self, Reopen.self, Discard.self])
}
