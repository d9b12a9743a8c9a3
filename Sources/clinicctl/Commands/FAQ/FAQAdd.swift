import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension FAQ {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a question and its answer to a draft.")
        @OptionGroup var fields: FAQFieldOptions
        @Option(help: ArgumentHelp("The entry's id (default: made from the question).", valueName: "slug"))
        var id: String?
        @OptionGroup var placement: PlacementOptions
        @OptionGroup var write: WriteOptions

        func run() throws {
            // Asked before the question and answer, so nothing typed is lost to a wrong choice.
            let category = try Prompt.category(given: fields.category, write: write)
            var given = try fields.fields(requireQuestionAndAnswer: true)
            given.category = category
            try write.commit { content in
                try FAQEdits.add(given, id: id, placement: placement.placement ?? .end, in: content)
            }
        }
    }
}
