import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension LocationCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a location.",
            discussion:
                "Example: clinicctl location add evanston --label Evanston --street \"1 Main St\" --city Evanston --state IL --zip 60201")
        @Argument(help: "The new location's id (lower-case letters, digits, hyphens).") var id: String
        @OptionGroup var address: AddressOptions
        @OptionGroup var write: WriteOptions

        func run() throws {
            var fields = try address.fields()
            // On a terminal, ask for what is missing; elsewhere the edit names the missing flags.
            if Prompt.isInteractive {
                if fields.label == nil { fields.label = try Prompt.ask("Label (e.g. The Loop)", flag: "--label") }
                if fields.street == nil { fields.street = [try Prompt.ask("Street", flag: "--street")] }
                if fields.city == nil { fields.city = try Prompt.ask("City", flag: "--city") }
                if fields.state == nil { fields.state = try Prompt.ask("State (two letters)", flag: "--state") }
                if fields.zip == nil { fields.zip = try Prompt.ask("ZIP", flag: "--zip") }
            }
            let given = fields
            try write.commit { _ in try LocationEdits.add(id, given) }
        }
    }
}
