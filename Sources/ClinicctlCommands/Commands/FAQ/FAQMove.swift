import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension FAQ {
    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "move", abstract: "Move an entry in the page order.")
        @Argument(help: "The entry's id.") var id: String
        @OptionGroup var placement: PlacementOptions
        @OptionGroup var write: WriteOptions

        func validate() throws {
            if placement.placement == nil { throw ValidationError("say where: --before ID, --after ID or --position N") }
        }

        func run() throws { try write.commit { _ in FAQEdits.move(id, placement.placement!) } }
    }
}
