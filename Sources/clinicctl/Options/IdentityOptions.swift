import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

/// `--repo`, `--as` and `--json`, for commands that act as someone but edit no content.
struct IdentityOptions: ParsableArguments {
    @OptionGroup var repository: RepositoryOptions
    @Option(
        name: .customLong("as"),
        help: ArgumentHelp("Who is acting (else CLINICCTL_AUTHOR, else Git's user.name and user.email).", valueName: "Name <email>"))
    var author: String?
    @OptionGroup var output: JSONOption
    var json: Bool { output.json }

    func open() throws -> (ContentRepository, Person) {
        let repository = try self.repository.open()
        return (repository, try repository.identity(explicit: author))
    }
}
