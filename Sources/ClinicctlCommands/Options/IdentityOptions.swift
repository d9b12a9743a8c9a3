import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

/// `--repo`, `--as` and `--json`, for commands that act as someone but edit no content.
struct IdentityOptions: ParsableArguments {
    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var person: PersonOption
    @OptionGroup var output: JSONOption
    var json: Bool { output.json }

    func open() throws -> (ContentRepository, Person) {
        let repository = try self.repository.open()
        return (repository, try repository.identity(explicit: person.author))
    }
}
