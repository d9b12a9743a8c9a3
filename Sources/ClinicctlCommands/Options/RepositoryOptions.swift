import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

/// Where the content repository is.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content repository (default: the one around the current folder).", valueName: "path"))
    var repo: String?

    func open() throws -> ContentRepository {
        let repository = try CommandContext.current.openRepository(repo)
        if repository.publishedBranchOrigin == .assumedMain {
            Output.note(
                "note: this repository does not record its published branch; using main. Record it with `\(ContentRepository.publishedBranchAdvice)`"
            )
        }
        return repository
    }
}
