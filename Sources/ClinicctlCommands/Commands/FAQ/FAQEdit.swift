import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension FAQ {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change an entry's question, answer, category or tags.")
        @Argument(help: "The entry's id.") var id: String
        @OptionGroup var fields: FAQFieldOptions
        @OptionGroup var write: WriteOptions

        func validate() throws {
            if fields.question == nil && fields.answer == nil && fields.answerFile == nil && !fields.edit && fields.category == nil
                && fields.tags.isEmpty && fields.lastReviewed == nil
            {
                throw ValidationError("say what to change: --question, --answer, --answer-file, --category, --tag or --last-reviewed")
            }
        }

        func run() throws {
            let given = try fields.fields(requireQuestionAndAnswer: false)
            guard fields.edit else { return try write.commit { _ in FAQEdits.edit(id, given) } }
            // The editor starts from the answer as it is, in the locale being written.
            let locale = fields.locale
            try write.commit(
                editing: { content in
                    given.answer ?? content.faqEntry(id)?.answer.translations[locale ?? content.clinic.defaultLocale] ?? ""
                },
                makeEdit: { _, answer in
                    var fields = given
                    fields.answer = answer
                    return FAQEdits.edit(id, fields)
                })
        }
    }
}
