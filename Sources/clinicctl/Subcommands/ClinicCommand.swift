import ArgumentParser
import ClinicContent
import ClinicWorkflow

struct ClinicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinic", abstract: "Show and change the clinic's own details.", subcommands: [Show.self, Set.self])

    /// A phone number as people type it, kept as written for display.
    static func phone(_ text: String) throws -> PhoneNumber {
        guard let e164 = Formats.e164(parsing: text) else {
            throw ValidationError("\"\(text)\" is not a phone number clinicctl can dial; write it like 773.999.9825 or +17739999825")
        }
        return PhoneNumber(e164: e164, display: text.hasPrefix("+") ? nil : text, capabilities: [.voice, .sms])
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the clinic's details.")
        @OptionGroup var options: ReadOptions

        struct Detail: Encodable {
            var name: [String: String], legalName: String, website: String?, phone: String, phoneDisplay: String?
            var phoneCapabilities: [String], email: String?, defaultLocale: String, timeZone: String, businessTypes: [String]
        }

        func run() throws {
            try Output.guarded {
                let clinic = try options.load().1.content.clinic
                if options.json {
                    return try Output.printJSON(
                        Detail(
                            name: clinic.name.translations, legalName: clinic.legalName, website: clinic.website, phone: clinic.phone.e164,
                            phoneDisplay: clinic.phone.display, phoneCapabilities: clinic.phone.capabilities.map(\.rawValue),
                            email: clinic.email,
                            defaultLocale: clinic.defaultLocale, timeZone: clinic.timeZone, businessTypes: clinic.businessTypes))
                }
                let locale = clinic.defaultLocale
                print(
                    Output.table([
                        ["name", clinic.name.text(for: locale, defaultLocale: locale) ?? ""],
                        ["legal name", clinic.legalName],
                        [
                            "phone",
                            "\(clinic.phone.display ?? clinic.phone.e164) (\(clinic.phone.e164); \(clinic.phone.capabilities.map(\.rawValue).joined(separator: ", ")))",
                        ],
                        ["website", clinic.website ?? "(none)"],
                        ["email", clinic.email ?? "(none)"],
                        ["time zone", clinic.timeZone],
                        ["locale", clinic.defaultLocale],
                        ["business types", clinic.businessTypes.joined(separator: ", ")],
                    ]))
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change the clinic's name, phone, website, email or time zone.")
        @Option var name: String?
        @Option var legalName: String?
        @Option(help: "As the clinic writes it, e.g. 773.999.9825 (stored also in E.164).") var phone: String?
        @Option(help: "https address; empty to remove.") var website: String?
        @Option(help: "Empty to remove.") var email: String?
        @Option(help: "IANA time zone, e.g. America/Chicago.") var timezone: String?
        @OptionGroup var write: WriteOptions

        func validate() throws {
            if [name, legalName, phone, website, email, timezone].allSatisfy({ $0 == nil }) {
                throw ValidationError("say what to change: --name, --legal-name, --phone, --website, --email or --timezone")
            }
            _ = try phone.map(ClinicCommand.phone)
        }

        func run() throws {
            let fields = ClinicEdits.Fields(
                name: name, legalName: legalName, phone: try phone.map(ClinicCommand.phone),
                website: website, email: email, timeZone: timezone)
            try write.commit { _ in ClinicEdits.set(fields) }
        }
    }
}
