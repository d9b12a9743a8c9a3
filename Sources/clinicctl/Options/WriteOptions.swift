import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

/// Options every writing command takes.
struct WriteOptions: ParsableArguments {
    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var person: PersonOption
    @Option(help: ArgumentHelp("Add this edit to an open draft instead of opening a new one.", valueName: "id"))
    var draft: String?
    @Option(help: ArgumentHelp("The commit's summary line (default: one made from the change).", valueName: "text"))
    var message: String?
    @OptionGroup var output: JSONOption
    var json: Bool { output.json }

    /// Opens the repository, applies the edit and prints the result.
    func commit(_ makeEdit: (SiteContent) throws -> ContentEdit) throws {
        let repository = try self.repository.open()
        let person = try repository.identity(explicit: person.author)
        let result = try repository.commit(to: draft, as: person, message: message, makeEdit)
        if json {
            try Output.printJSON(result)
        } else {
            Output.printEdit(result)
        }
    }
}
