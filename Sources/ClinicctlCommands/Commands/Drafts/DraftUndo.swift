import ArgumentParser
import ClinicWorkflow
import Foundation

extension DraftCommand {
    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "undo",
            abstract: "Take the last edit out of a draft (the draft before it is kept under refs/clinicctl/previous/).")
        @Argument(help: "The draft's id.") var id: DraftID
        @OptionGroup var write: IdentityOptions

        func run() throws {
            let (repository, person) = try write.open()
            let result = try repository.drafts.undoLastEdit(of: id.text, as: person)
            if write.json { return try Output.printJSON(result) }
            Output.printRewrite(result)
        }
    }
}
