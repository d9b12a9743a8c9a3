import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct FAQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faq",
        abstract: "List, show, add, edit, remove and reorder FAQ entries.",
        subcommands: [List.self, Show.self, Add.self, Edit.self, Remove.self, Move.self])
}

/// Question and answer options shared by `faq add` and `faq edit`.
struct FAQFieldOptions: ParsableArguments {
    @Option(help: "The question, as visitors read it.")
    var question: String?
    @Option(help: "The answer, in CommonMark (Markdown).")
    var answer: String?
    @Option(help: ArgumentHelp("Read the answer from a file, or - for standard input.", valueName: "path"))
    var answerFile: String?
    @Option(help: ArgumentHelp("The category id.", valueName: "id"))
    var category: String?
    @Option(name: .customLong("tag"), help: ArgumentHelp("A tag; repeat for more (replaces the entry's tags).", valueName: "tag"))
    var tags: [String] = []
    @Option(help: ArgumentHelp("When the answer was last checked (YYYY-MM-DD).", valueName: "date"))
    var lastReviewed: String?
    @Option(help: ArgumentHelp("Write the text in this locale (a translation), e.g. es.", valueName: "tag"))
    var locale: String?
    @Flag(help: "Write the answer in $EDITOR (interactive use only).")
    var edit = false

    func validate() throws {
        if answer != nil && answerFile != nil { throw ValidationError("give --answer or --answer-file, not both") }
        if let lastReviewed, CalendarDay(lastReviewed) == nil {
            throw ValidationError("--last-reviewed \"\(lastReviewed)\" is not a date like 2026-11-29")
        }
        if let locale, !Formats.isLanguageTag(locale) {
            throw ValidationError("--locale \"\(locale)\" is not a language tag like es or pt-BR")
        }
    }

    /// The fields given, asking for missing required ones on a terminal.
    func fields(requireQuestionAndAnswer: Bool, existing: FAQEntry? = nil) throws -> FAQEdits.Fields {
        var question = question
        var answer = try answerFile.map(Prompt.readFile) ?? answer
        if edit {
            answer = try Prompt.editor(initial: answer ?? existing?.answer.translations[locale ?? "en"] ?? "")
        }
        if requireQuestionAndAnswer {
            if question == nil { question = try Prompt.ask("Question", flag: "--question") }
            if answer == nil { answer = try Prompt.ask("Answer", flag: "--answer") }
        }
        return FAQEdits.Fields(
            question: question, answer: answer, category: category, tags: tags.isEmpty ? nil : tags,
            lastReviewed: lastReviewed.flatMap(CalendarDay.init), locale: locale)
    }
}

/// Where to put an entry in the page order.
struct PlacementOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Put it right after this entry.", valueName: "id"))
    var after: String?
    @Option(help: ArgumentHelp("Put it right before this entry.", valueName: "id"))
    var before: String?
    @Option(help: ArgumentHelp("Give it this position number.", valueName: "n"))
    var position: Int?

    func validate() throws {
        if [after != nil, before != nil, position != nil].filter({ $0 }).count > 1 {
            throw ValidationError("give only one of --after, --before and --position")
        }
    }

    var placement: FAQPlacement? {
        if let after { return .after(after) }
        if let before { return .before(before) }
        if let position { return .position(position) }
        return nil
    }
}

extension FAQ {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the questions in page order.")
        @OptionGroup var options: ReadOptions

        struct Row: Encodable {
            var id: String, position: Int, category: String, question: String, locales: [String], tags: [String]
        }

        func run() throws {
            try Output.guarded {
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

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one question and its answer.")
        @Argument(help: "The entry's id.") var id: String
        @OptionGroup var options: ReadOptions

        struct Detail: Encodable {
            var id: String, position: Int, category: String, tags: [String], lastReviewed: String?
            var question: [String: String], answer: [String: String]
        }

        func run() throws {
            try Output.guarded {
                let content = try options.load().1.content
                guard let entry = content.faqEntry(id) else {
                    throw WorkflowError(.notFound, "there is no FAQ entry \"\(id)\"; `clinicctl faq list` shows them all")
                }
                if options.json {
                    return try Output.printJSON(
                        Detail(
                            id: entry.id, position: entry.position, category: entry.category, tags: entry.tags,
                            lastReviewed: entry.lastReviewed?.description,
                            question: entry.question.translations, answer: entry.answer.translations))
                }
                let locale = content.clinic.defaultLocale
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

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a question and its answer to a draft.")
        @OptionGroup var fields: FAQFieldOptions
        @Option(help: ArgumentHelp("The entry's id (default: made from the question).", valueName: "slug"))
        var id: String?
        @OptionGroup var placement: PlacementOptions
        @OptionGroup var write: WriteOptions

        func run() throws {
            let given = try fields.fields(requireQuestionAndAnswer: true)
            try write.commit { content in
                try FAQEdits.add(given, id: id, placement: placement.placement ?? .end, in: content)
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an entry's question, answer, category or tags.")
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
            try write.commit { _ in FAQEdits.edit(id, given) }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an entry.")
        @Argument(help: "The entry's id.") var id: String
        @OptionGroup var write: WriteOptions
        func run() throws { try write.commit { _ in FAQEdits.remove(id) } }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move an entry in the page order.")
        @Argument(help: "The entry's id.") var id: String
        @OptionGroup var placement: PlacementOptions
        @OptionGroup var write: WriteOptions

        func validate() throws {
            if placement.placement == nil { throw ValidationError("say where: --before ID, --after ID or --position N") }
        }

        func run() throws { try write.commit { _ in FAQEdits.move(id, placement.placement!) } }
    }
}
