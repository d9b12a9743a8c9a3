import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

/// Where the content repository is.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content repository (default: the one around the current folder).", valueName: "path"))
    var repo: String?

    func open() throws -> ContentRepository { try ContentRepository.open(repo) }
}

/// Options of commands that only read.
struct ReadOptions: ParsableArguments {
    @OptionGroup var repository: RepositoryOptions
    @Option(help: ArgumentHelp("Read this revision instead of the published branch.", valueName: "rev"))
    var rev: String?
    @Option(help: ArgumentHelp("Read this open draft instead of the published branch.", valueName: "id"))
    var draft: String?
    @Flag(help: "Print machine-readable JSON.")
    var json = false

    func validate() throws {
        if rev != nil && draft != nil { throw ValidationError("give --rev or --draft, not both") }
    }

    /// The content at the chosen revision.
    func load() throws -> (ContentRepository, LoadedContent) {
        let repository = try self.repository.open()
        let commit = try repository.readingCommit(revision: rev, draft: draft)
        return (repository, try repository.load(at: commit))
    }
}

/// Options every writing command takes.
struct WriteOptions: ParsableArguments {
    @OptionGroup var repository: RepositoryOptions
    @Option(
        name: .customLong("as"),
        help: ArgumentHelp(
            "Who is making the change (else CLINICCTL_AUTHOR, else Git's user.name and user.email).", valueName: "Name <email>"))
    var author: String?
    @Option(help: ArgumentHelp("Add this edit to an open draft instead of opening a new one.", valueName: "id"))
    var draft: String?
    @Option(help: ArgumentHelp("The commit's summary line (default: one made from the change).", valueName: "text"))
    var message: String?
    @Flag(help: "Print machine-readable JSON.")
    var json = false

    /// Opens the repository, applies the edit and prints the result.
    func commit(_ makeEdit: (SiteContent) throws -> ContentEdit) throws {
        try Output.guarded {
            let repository = try self.repository.open()
            let person = try repository.identity(explicit: author)
            let result = try repository.commit(to: draft, as: person, message: message, makeEdit)
            if json {
                try Output.printJSON(result)
            } else {
                Output.printEdit(result)
            }
        }
    }
}
