import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

/// Address options shared by `location add` and `location edit`.
struct AddressOptions: ParsableArguments {
    @Option(help: "The name visitors know it by, e.g. \"The Loop\".") var label: String?
    @Option(help: ArgumentHelp("A street line; repeat for the suite (replaces all lines).", valueName: "line"))
    var street: [String] = []
    @Option var city: String?
    @Option(help: "Two-letter USPS code, e.g. IL.") var state: String?
    @Option(help: "ZIP or ZIP+4.") var zip: String?
    @Option(help: "Two-letter country code (default US).") var country: String?
    @Option(help: "The location's own phone, as you write it (e.g. 773.999.9825).") var phone: String?
    @Option(help: "open, temporarily-closed or permanently-closed.") var status: String?

    func validate() throws {
        if let status, Location.Status(rawValue: status) == nil {
            throw ValidationError("--status must be open, temporarily-closed or permanently-closed")
        }
        _ = try phone.map(ClinicCommand.phone)
    }

    func fields() throws -> LocationEdits.Fields {
        var status: Location.Status?
        if let raw = self.status {
            guard let known = Location.Status(rawValue: raw) else {
                throw ValidationError("--status must be open, temporarily-closed or permanently-closed")
            }
            status = known
        }
        return LocationEdits.Fields(
            label: label, street: street.isEmpty ? nil : street, city: city, state: state, zip: zip,
            country: country, phone: try phone.map(ClinicCommand.phone), status: status)
    }
}
