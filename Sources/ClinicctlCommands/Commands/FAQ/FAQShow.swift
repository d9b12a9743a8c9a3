import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension FAQ {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one question and its answer.")
        @Argument(help: "The entry's id.") var id: String
        @OptionGroup var options: ReadOptions

        struct Detail: Encodable {
            var id: String, position: Int, category: String, tags: [String], lastReviewed: String?
            var question: [String: String], answer: [String: String]
        }

        func run() throws {
            let repository = try options.repository.open()
            let revision = try repository.readingRevision(revision: options.rev, draft: options.draft)
            // Reads the one entry's file when the revision's FAQ index is known, else the whole content.
            let (found, locale) = try repository.faqEntry(id, at: revision)
            guard let entry = found else {
                let fallback = "there is no FAQ entry \"\(id)\"; `clinicctl faq list` shows them all"
                // On the published branch, an entry only drafted so far is named with its draft.
                guard options.readsPublished else { throw WorkflowError(.notFound, fallback, entry: "faq/\(id)") }
                throw try repository.reviews.missingEntryError("faq/\(id)", described: "FAQ entry \"\(id)\"", fallback: fallback)
            }
            if options.json {
                return try Output.printJSON(
                    Detail(
                        id: entry.id, position: entry.position, category: entry.category, tags: entry.tags,
                        lastReviewed: entry.lastReviewed?.description,
                        question: entry.question.translations, answer: entry.answer.translations))
            }
            for l in entry.question.locales(defaultLocale: locale) {
                print(l == locale ? "Q: \(entry.question.translations[l]!)" : "Q (\(l)): \(entry.question.translations[l]!)")
                print("")
                print(Output.wrap(entry.answer.translations[l] ?? "(no answer in \(l) yet)", indent: "   "))
                print("")
            }
            print(
                "id \(entry.id) · position \(entry.position) · category \(entry.category)"
                    + (entry.tags.isEmpty ? "" : " · tags \(entry.tags.joined(separator: ", "))")
                    + (entry.lastReviewed.map { " · last reviewed \($0)" } ?? ""))
        }
    }
}
