import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension LocationCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the locations.")
        @OptionGroup var options: ReadOptions

        struct Row: Encodable { var id: String, label: String, address: [String], status: String, phone: String? }

        func run() throws {
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
