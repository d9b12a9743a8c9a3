import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct LocationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "location",
        abstract: "List, show, add, edit and remove locations.",
        subcommands: [List.self, Show.self, Add.self, Edit.self, Remove.self])
}

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

extension LocationCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the locations.")
        @OptionGroup var options: ReadOptions

        struct Row: Encodable { var id: String, label: String, address: [String], status: String, phone: String? }

        func run() throws {
            try Output.guarded {
                let content = try options.load().1.content
                let locale = content.clinic.defaultLocale
                let rows = content.locations.map {
                    Row(
                        id: $0.id, label: $0.label.text(for: locale, defaultLocale: locale) ?? "",
                        address: LocationCommand.lines($0.address),
                        status: $0.status.rawValue, phone: $0.phone?.e164)
                }
                if options.json { return try Output.printJSON(rows) }
                print(
                    Output.table(
                        [["ID", "LABEL", "ADDRESS", "STATUS"]]
                            + rows.map { [$0.id, $0.label, $0.address.joined(separator: ", "), $0.status] }))
            }
        }
    }

    static func lines(_ a: PostalAddress) -> [String] { a.street + ["\(a.city), \(a.state) \(a.zip)"] }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a location's address and hours.")
        @Argument(help: "The location's id.") var id: String
        @OptionGroup var options: ReadOptions

        struct Detail: Encodable {
            var id: String, label: [String: String], street: [String], city: String, state: String, zip: String, country: String
            var status: String, phone: String?, phoneDisplay: String?
        }

        func run() throws {
            try Output.guarded {
                let content = try options.load().1.content
                guard let location = content.location(id) else {
                    throw WorkflowError.noLocation(id, in: content)
                }
                let a = location.address
                if options.json {
                    return try Output.printJSON(
                        Detail(
                            id: location.id, label: location.label.translations, street: a.street, city: a.city,
                            state: a.state, zip: a.zip, country: a.country, status: location.status.rawValue,
                            phone: location.phone?.e164, phoneDisplay: location.phone?.display))
                }
                let locale = content.clinic.defaultLocale
                print("\(location.label.text(for: locale, defaultLocale: locale) ?? id) (\(id)) — \(location.status.rawValue)")
                LocationCommand.lines(a).forEach { print("  \($0)") }
                if let phone = location.phone { print("  \(phone.display ?? phone.e164)") }
                if let hours = content.hours(for: id) {
                    print("")
                    print(Output.weekTable(hours, locale: locale))
                }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a location.",
            discussion:
                "Example: clinicctl location add evanston --label Evanston --street \"1 Main St\" --city Evanston --state IL --zip 60201")
        @Argument(help: "The new location's id (lower-case letters, digits, hyphens).") var id: String
        @OptionGroup var address: AddressOptions
        @OptionGroup var write: WriteOptions

        func run() throws {
            var fields = try address.fields()
            try Output.guarded {
                // On a terminal, ask for what is missing; elsewhere the edit names the missing flags.
                guard Prompt.isInteractive else { return }
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

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a location's label, address, phone or status.")
        @Argument(help: "The location's id.") var id: String
        @OptionGroup var address: AddressOptions
        @OptionGroup var write: WriteOptions

        func run() throws {
            let fields = try address.fields()
            try write.commit { _ in LocationEdits.edit(id, fields) }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a location (refused while it has hours, unless --cascade).")
        @Argument(help: "The location's id.") var id: String
        @Flag(help: "Remove the location's hours with it.") var cascade = false
        @OptionGroup var write: WriteOptions

        func run() throws { try write.commit { _ in LocationEdits.remove(id, cascade: cascade) } }
    }
}
