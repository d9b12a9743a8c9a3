import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension FAQ {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the questions in page order.")
        @OptionGroup var options: ReadOptions

        struct Row: Encodable {
            var id: String, position: Int, category: String, question: String, locales: [String], tags: [String]
        }

        func run() throws {
            let content = try options.load().1.content
            let locale = content.clinic.defaultLocale
            let rows = content.faqInPageOrder.map {
                Row(
                    id: $0.id, position: $0.position, category: $0.category,
                    question: $0.question.text(for: locale, defaultLocale: locale) ?? "",
                    locales: $0.question.locales(defaultLocale: locale), tags: $0.tags)
            }
            if options.json { return try Output.printJSON(rows) }
            print(Output.table([["POS", "ID", "QUESTION"]] + rows.map { [String($0.position), $0.id, $0.question] }))
        }
    }
}
