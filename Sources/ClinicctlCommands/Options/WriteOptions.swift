import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

/// Options every writing command takes.
struct WriteOptions: ParsableArguments {
    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var person: PersonOption
    @OptionGroup var target: DraftTargetOptions
    var draft: String? { target.draft }
    var draftName: String? { target.draftName }
    @Option(help: ArgumentHelp("The commit's summary line (default: one made from the change).", valueName: "text"))
    var message: String?
    @OptionGroup var output: JSONOption
    var json: Bool { output.json }

    /// Opens the repository, applies the edit and prints the result.
    func commit(_ makeEdit: (SiteContent) throws -> ContentEdit) throws {
        let repository = try self.repository.open()
        let person = try repository.identity(explicit: person.author)
        let result = try repository.commit(to: draft, as: person, message: message, draftName: draftName, makeEdit)
        if json {
            try Output.printJSON(result)
        } else {
            Output.printEdit(result, onlyHere: repository.team.hasRemote())
        }
    }

    /// Like `commit`, with a text written in the editor first. Everything that
    /// can be checked (who you are, the draft, the entry, the ids) is checked
    /// before the editor opens; if saving fails after it, the text is kept in a
    /// file and the error says where.
    func commit(
        editing initial: (SiteContent) -> String, makeEdit: (SiteContent, String) throws -> ContentEdit
    ) throws {
        let repository = try self.repository.open()
        let person = try repository.identity(explicit: person.author)
        let content = try repository.checkEdit(to: draft, draftName: draftName, as: person) { try makeEdit($0, "(to be written)") }
        let text = try Prompt.editor(initial: initial(content))
        let result: EditResult
        do {
            result = try repository.commit(to: draft, as: person, message: message, draftName: draftName) { try makeEdit($0, text) }
        } catch let error as WorkflowError {
            guard let kept = repository.keepUnsavedText(text, name: "answer") else { throw error }
            throw WorkflowError(
                error.code, error.message + ". Your text is kept in \(kept.path); use it with --answer-file \(kept.path)",
                findings: error.findings, draft: error.draft, entry: error.entry, file: error.file, reference: error.reference,
                revision: error.revision, remedy: error.remedy)
        }
        if json {
            try Output.printJSON(result)
        } else {
            Output.printEdit(result, onlyHere: repository.team.hasRemote())
        }
    }
}
