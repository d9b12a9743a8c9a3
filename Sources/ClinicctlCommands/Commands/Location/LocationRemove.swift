import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension LocationCommand {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Remove a location (refused while it has hours, unless --cascade).")
        @Argument(help: "The location's id.") var id: String
        @Flag(help: "Remove the location's hours with it.") var cascade = false
        @OptionGroup var write: WriteOptions

        func run() throws { try write.commit { _ in LocationEdits.remove(id, cascade: cascade) } }
    }
}
