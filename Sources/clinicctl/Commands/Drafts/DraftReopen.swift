import ArgumentParser
import ClinicWorkflow
import Foundation

extension DraftCommand {
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reopen",
            abstract: "Open a rejected draft again, as it was, to fix it instead of retyping it.")
        @Argument(help: "The rejected draft's id.") var id: String
        @OptionGroup var write: IdentityOptions

        func run() throws {
            let (repository, person) = try write.open()
            let result = try repository.reopen(id, as: person)
            if write.json { return try Output.printJSON(result) }
            print("Reopened draft \(id) (\(result.tip.short)). \(result.rejection.reviewer.name) rejected it because:")
            print(Output.wrap(result.rejection.reason, indent: "  "))
            print("Fix it with more edits (add --draft \(id) to the next command), then ask for a review again.")
        }
    }
}
