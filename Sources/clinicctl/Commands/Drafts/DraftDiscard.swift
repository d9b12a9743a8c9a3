import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension DraftCommand {
    struct Discard: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw a draft (its edits stay in the repository's records).")
        @Argument(help: "The draft's id.") var id: String
        @OptionGroup var write: IdentityOptions

        func run() throws {
            let (repository, person) = try write.open()
            let record = try repository.discard(id, as: person)
            if write.json { return try Output.printJSON(["draft": id, "record": record.hex]) }
            print(
                "Discarded draft \(id). Its edits stay in the repository (record \(record.short) under \(ContentRepository.discardedPrefix))."
            )
        }
    }
}
