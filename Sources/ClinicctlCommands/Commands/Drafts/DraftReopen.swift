import ArgumentParser
import ClinicWorkflow
import Foundation

extension DraftCommand {
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reopen",
            abstract: "Open a rejected draft again, as it was, to fix it instead of retyping it.",
            discussion: """
                The rejection stays on record; a reopening record answers it. In a clone the record is \
                sent to the server at once (the server keeps the draft's branch), so every computer reads \
                the draft as open again.
                """)
        @Argument(help: "The rejected draft's id.") var id: String
        @Flag(help: "In a clone: reopen here only, and send it later with `clinicctl sync`.") var local = false
        @OptionGroup var write: IdentityOptions
        @OptionGroup var signing: SigningOption

        func run() throws {
            let (repository, person) = try write.open()
            let result = try repository.drafts.reopen(id, as: person, signingKey: try signing.key(repository))
            var delivery: RecordDelivery?
            if Delivery.choose(for: repository, hereOnly: local) == .throughServer, let record = result.keptAt {
                delivery = repository.team.sendRecord(record)
            }
            defer { Output.noteDelivery(delivery, of: "the reopening of draft \(id)") }
            if write.json { return try Output.printJSON(result) }
            print("Reopened draft \(id) (\(result.tip.short)). \(result.rejection.reviewer.name) rejected it because:")
            print(Output.wrap(result.rejection.reason, indent: "  "))
            print("Fix it with more edits (add --draft \(id) to the next command), then ask for a review again.")
        }
    }
}
