import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension FAQ {
    struct CategoryList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the categories and how many entries each holds.")
        @OptionGroup var options: ReadOptions

        struct Row: Encodable {
            var id: String, title: [String: String], entries: [String]
        }

        func run() throws {
            let content = try options.load().1.content
            let locale = content.clinic.defaultLocale
            let rows = content.categories.map { category in
                Row(
                    id: category.id, title: category.title.translations,
                    entries: content.faqInPageOrder.filter { $0.category == category.id }.map(\.id))
            }
            if options.json { return try Output.printJSON(rows) }
            print(
                Output.table(
                    [["ID", "ENTRIES", "TITLE"]]
                        + rows.map { [$0.id, String($0.entries.count), $0.title[locale] ?? $0.title.values.sorted().first ?? ""] }))
        }
    }
}
