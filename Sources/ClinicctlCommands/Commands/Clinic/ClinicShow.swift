import ArgumentParser
import ClinicContent
import ClinicWorkflow

extension ClinicCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the clinic's details.")
        @OptionGroup var options: ReadOptions

        struct Detail: Encodable {
            var name: [String: String], legalName: String, website: String?, phone: String, phoneDisplay: String?
            var phoneCapabilities: [String], email: String?, defaultLocale: String, timeZone: String, businessTypes: [String]
        }

        func run() throws {
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
