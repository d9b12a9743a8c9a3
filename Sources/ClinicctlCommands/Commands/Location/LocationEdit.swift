import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension LocationCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change a location's label, address, phone or status.")
        @Argument(help: "The location's id.") var id: String
        @OptionGroup var address: AddressOptions
        @OptionGroup var write: WriteOptions

        func run() throws {
            let fields = try address.fields()
            try write.commit { _ in LocationEdits.edit(id, fields) }
        }
    }
}
