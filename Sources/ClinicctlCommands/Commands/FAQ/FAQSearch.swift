import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension FAQ {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Find questions and answers that contain a text, in every locale (case and accents ignored).")
        @Argument(help: "The text to look for.") var text: String
        @OptionGroup var options: ReadOptions

        func validate() throws {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("give a text to look for") }
        }

        func run() throws {
            let matches = FAQSearch.matches(text, in: try options.load().1.content)
            if options.json { return try Output.printJSON(matches) }
            if matches.isEmpty { return print("No question or answer contains \"\(text)\".") }
            print(Output.table([["ID", "LOCALE", "FIELD", "TEXT"]] + matches.map { [$0.entry, $0.locale, $0.field, $0.excerpt] }))
        }
    }
}
