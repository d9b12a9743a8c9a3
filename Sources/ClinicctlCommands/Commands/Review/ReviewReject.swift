import ArgumentParser
import ClinicContent
import ClinicExport
import ClinicWorkflow
import Foundation

extension Review {
    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reject", abstract: "Turn a draft down, saying why; its author sees the reason.")
        @Argument(help: "The draft's id.") var id: DraftID
        @Option(help: "Why, for the author.") var reason: String
        @Flag(help: "In a clone: reject here only, and send it later with `clinicctl sync`.") var local = false
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var signing: SigningOption

        func run() throws {
            let (repository, person) = try identity.open()
            let signingKey = try signing.key(repository)
            let decision = try repository.reviews.reject(
                id.text, as: person, reason: reason, delivery: Delivery.choose(for: repository, hereOnly: local), signingKey: signingKey)
            defer { Output.noteDelivery(decision.sent, of: "the rejection of draft \(id)") }
            if identity.json, let rejection = decision.rejection { return try Output.printJSON(rejection) }
            print(
                "Rejected draft \(id). Its author sees the reason in `clinicctl drafts --mine`; its edits stay in the repository (\(decision.reference))."
            )
        }
    }
}
