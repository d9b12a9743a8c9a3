import ArgumentParser
import ClinicWorkflow
import Foundation

/// What `reviewers add` and `reviewers remove` share: who, which keys, and the draft it goes on.
struct ReviewerChangeOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The reviewer, as \"Name <email>\".", valueName: "Name <email>"), transform: TypedArgument.person)
    var reviewer: Person
    @Option(
        name: .customLong("key"),
        help: ArgumentHelp("An SSH public key (.pub file) of theirs; repeat for more.", valueName: "file"))
    var keys: [String] = []
    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var person: PersonOption
    @Option(help: ArgumentHelp("Add this change to an open draft instead of opening a new one.", valueName: "id"))
    var draft: String?
    @Option(help: ArgumentHelp("Name the new draft this change opens (default: reviewers).", valueName: "id"))
    var draftName: String?
    @OptionGroup var output: JSONOption

    func validate() throws {
        try OnlyOne.check(["--draft (an open draft)": draft != nil, "--draft-name (a new one)": draftName != nil])
    }

    /// Commits the change made from the person and the keys' lines, and prints the result.
    func commit(_ change: (Person, [String]) -> ReviewerChange) throws {
        let repository = try self.repository.open()
        let author = try repository.identity(explicit: person.author)
        let keyLines = try keys.map(ReviewerKeyFile.read)
        let result = try repository.signatures.changeReviewers(
            change(reviewer, keyLines), to: draft, as: author, draftName: draftName)
        if output.json { return try Output.printJSON(result) }
        Output.printEdit(result, onlyHere: repository.team.hasRemote())
    }
}

extension Reviewers {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Open a draft that lists a reviewer, or adds keys to one already listed.",
            discussion: """
                Like any change, it counts once another reviewer approves the draft (with --accept settings);
                the person added can never approve it.
                Example: clinicctl reviewers add "Jason Lee <jason@clinic.example>" --key jason.pub
                """)
        @OptionGroup var change: ReviewerChangeOptions

        func run() throws { try change.commit { .add($0, keys: $1) } }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Open a draft that removes a reviewer, or only the keys given with --key.",
            discussion: "Like any change, it counts once another reviewer approves the draft (with --accept settings).")
        @OptionGroup var change: ReviewerChangeOptions

        func run() throws { try change.commit { .remove($0, keys: $1) } }
    }
}
