import ArgumentParser
import ClinicWorkflow
import Foundation

extension DraftCommand {
    struct Drop: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "drop",
            abstract: "Take one edit out of a draft; the later edits are applied again without it.",
            discussion: "Edits are numbered from 1, oldest first, as `clinicctl review show ID` lists them.")
        @Argument(help: "The draft's id.") var id: DraftID
        @Option(help: ArgumentHelp("The edit to take out (1 is the first).", valueName: "n")) var edit: Int
        @OptionGroup var write: IdentityOptions

        func validate() throws {
            if edit < 1 { throw ValidationError("--edit counts from 1 (the draft's first edit)") }
        }

        func run() throws {
            let (repository, person) = try write.open()
            let result = try repository.drafts.dropEdit(edit, of: id.text, as: person)
            if write.json { return try Output.printJSON(result) }
            Output.printRewrite(result)
        }
    }
}

extension Output {
    static func printRewrite(_ result: DraftRewrite) {
        print(
            "Took edit \(result.dropped) (\"\(result.droppedSummary)\") out of draft \(result.draft); it now has \(result.remainingEdits.count) edit(s):"
        )
        for (number, summary) in result.remainingEdits.enumerated() { print("  \(number + 1). \(summary)") }
        print("The draft as it was is kept at refs/clinicctl/previous/\(result.draft) (\(result.previousTip.short)).")
    }
}
