import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

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
        try OnlyOne.check(["--answer": answer != nil, "--answer-file": answerFile != nil])
        try OnlyOne.check(["--edit": edit, "--answer-file": answerFile != nil])
        if let lastReviewed, CalendarDay(lastReviewed) == nil {
            let reason = CalendarDay.problem(in: lastReviewed).map { ": \($0)" } ?? " like 2026-11-29"
            throw ValidationError("--last-reviewed \"\(lastReviewed)\" is not a date\(reason)")
        }
        if let locale, !Formats.isLanguageTag(locale) {
            throw ValidationError("--locale \"\(locale)\" is not a language tag like es or pt-BR")
        }
    }

    /// The fields given, asking for missing required ones on a terminal (but the
    /// answer, with --edit).
    func fields(requireQuestionAndAnswer: Bool) throws -> FAQEdits.Fields {
        var question = question
        var answer = try answerFile.map(Prompt.readFile) ?? answer
        if requireQuestionAndAnswer {
            if question == nil { question = try Prompt.ask("Question", flag: "--question") }
            // With --edit, the answer is written in the editor later (`WriteOptions.commit(editing:)`).
            if answer == nil && !edit { answer = try Prompt.ask("Answer", flag: "--answer") }
        }
        return FAQEdits.Fields(
            question: question, answer: answer, category: category, tags: tags.isEmpty ? nil : tags,
            lastReviewed: lastReviewed.flatMap(CalendarDay.init), locale: locale)
    }
}
