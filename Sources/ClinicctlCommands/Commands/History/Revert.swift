import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct Revert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revert",
        abstract: "Open a draft that undoes a published change (reviewed like any other).")
    @Argument(help: "The published commit to undo (from `clinicctl history`).") var commit: String
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var signing: SigningOption

    func run() throws {
        let (repository, person) = try identity.open()
        let result = try repository.reviews.revert(commit, as: person, signingKey: try signing.key(repository))
        if identity.json { return try Output.printJSON(result) }
        Output.printEdit(result, onlyHere: repository.team.hasRemote())
    }
}
