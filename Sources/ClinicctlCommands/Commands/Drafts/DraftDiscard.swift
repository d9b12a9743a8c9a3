import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension DraftCommand {
    struct Discard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "discard", abstract: "Withdraw a draft (its edits stay in the repository's records).")
        @Argument(help: "The draft's id.") var id: String
        @Flag(help: "In a clone: discard here only, and send it later with `clinicctl sync`.") var local = false
        @OptionGroup var write: IdentityOptions

        func run() throws {
            let (repository, person) = try write.open()
            var delivery: RecordDelivery?
            let record: Revision
            if !local && repository.hasRemote() {
                (record, delivery) = try repository.discardThroughServer(id, as: person)
            } else {
                record = try repository.revision(try repository.discard(id, as: person).hex)
            }
            defer { Output.noteDelivery(delivery, of: "the discard of draft \(id)") }
            if write.json { return try Output.printJSON(["draft": id, "record": record.hex]) }
            print(
                "Discarded draft \(id). Its edits stay in the repository (record \(record.short) under \(ContentRepository.discardedPrefix))."
            )
        }
    }
}
