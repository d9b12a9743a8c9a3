import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

/// Options of commands that only read.
struct ReadOptions: ParsableArguments {
    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var revision: RevisionOption
    var rev: String? { revision.rev }
    @Option(help: ArgumentHelp("Read this open draft instead of the published branch.", valueName: "id"))
    var draft: String?
    @OptionGroup var output: JSONOption
    var json: Bool { output.json }

    /// True when neither --rev nor --draft is given: the published branch is read.
    var readsPublished: Bool { rev == nil && draft == nil }

    func validate() throws {
        try OnlyOne.check(["--rev": rev != nil, "--draft": draft != nil])
    }

    /// The content at the chosen revision.
    func load() throws -> (ContentRepository, LoadedContent) {
        let repository = try self.repository.open()
        let commit = try repository.readingRevision(revision: rev, draft: draft)
        return (repository, try repository.load(at: commit))
    }
}
