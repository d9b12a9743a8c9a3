import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension FAQ {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a question and its answer to a draft.")
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
            guard fields.edit else {
                return try write.commit { content in
                    try FAQEdits.add(given, id: id, placement: placement.placement ?? .end, in: content)
                }
            }
            try write.commit(
                editing: { _ in given.answer ?? "" },
                makeEdit: { content, answer in
                    var fields = given
                    fields.answer = answer
                    return try FAQEdits.add(fields, id: id, placement: placement.placement ?? .end, in: content)
                })
        }
    }
}
