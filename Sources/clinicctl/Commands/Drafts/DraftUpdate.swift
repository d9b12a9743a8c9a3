import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension DraftCommand {
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: "Re-apply a draft's edits on the current published content.")
        @Argument(help: "The draft's id.") var id: String
        @OptionGroup var write: IdentityOptions

        func run() throws {
            let (repository, person) = try write.open()
            let result = try repository.update(id, as: person)
            if write.json { return try Output.printJSON(result) }
            print(
                result.alreadyUpToDate
                    ? "Draft \(id) is already up to date with \(repository.config.publishedBranch)."
                    : "Draft \(id) now applies on the current \(repository.config.publishedBranch) (\(result.tip.short)).")
        }
    }
}
