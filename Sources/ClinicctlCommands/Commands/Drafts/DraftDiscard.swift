import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension DraftCommand {
    struct Discard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "discard", abstract: "Withdraw a draft (its edits stay in the repository's records).")
        @Argument(help: "The draft's id.") var id: DraftID
        @Flag(help: "In a clone: discard here only, and send it later with `clinicctl sync`.") var local = false
        @OptionGroup var write: IdentityOptions

        func run() throws {
            let (repository, person) = try write.open()
            let decision = try repository.reviews.discard(id.text, as: person, delivery: Delivery.choose(for: repository, hereOnly: local))
            defer { Output.noteDelivery(decision.sent, of: "the discard of draft \(id)") }
            if write.json { return try Output.printJSON(["draft": id.text, "record": decision.record.hex]) }
            print(
                "Discarded draft \(id). Its edits stay in the repository (record \(decision.record.short) under \(ContentRepository.discardedPrefix))."
            )
        }
    }
}
