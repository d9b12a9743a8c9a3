import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension LocationCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a location's address and hours.")
        @Argument(help: "The location's id.") var id: String
        @OptionGroup var options: ReadOptions

        struct Detail: Encodable {
            var id: String, label: [String: String], street: [String], city: String, state: String, zip: String, country: String
            var status: String, phone: String?, phoneDisplay: String?
        }

        func run() throws {
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
