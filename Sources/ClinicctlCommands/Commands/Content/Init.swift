import ArgumentParser
import ClinicWorkflow
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a content repository, ready to edit, review and publish.",
        discussion: """
            Copies a content folder (default: ./content) into a new Git repository at DIR,
            with a clinicctl.yaml naming the reviewers, and commits it on the published branch.
            For a shared server: --bare, --hooks with clinicctl's hooks/ folder (so the server can
            publish), and --shared=group when each person pushes as an account of their own.
            """)

    @Argument(help: ArgumentHelp("Where to create the repository (must not exist or be empty).", valueName: "dir"))
    var directory: String
    @Option(help: ArgumentHelp("The content folder to start from.", valueName: "dir"))
    var from: String = "content"
    @Option(help: ArgumentHelp("A folder of hooks to copy in as hooks/ (for example this project's hooks/).", valueName: "dir"))
    var hooks: String?
    @Option(
        name: .customLong("reviewer"), help: ArgumentHelp("A person who may approve drafts; repeat for more.", valueName: "Name <email>"),
        transform: TypedArgument.person)
    var reviewers: [Person] = []
    @Option(
        name: .customLong("reviewer-key"),
        help: ArgumentHelp(
            "The first reviewer's SSH public key (.pub file); approvals must then be signed. Repeat for more keys.", valueName: "file"))
    var reviewerKeys: [String] = []
    @Option(help: ArgumentHelp("The published branch's name.", valueName: "branch"))
    var branch = "main"
    @Flag(help: "Create a bare repository (for a shared server).")
    var bare = false
    @Option(
        help: ArgumentHelp(
            "Share it between the accounts of one group, as `git init --shared` does: group, all, or an octal mode such as 0660.",
            valueName: "how"))
    var shared: String?
    @OptionGroup var person: PersonOption

    func validate() throws {
        if !reviewerKeys.isEmpty && reviewers.isEmpty {
            throw ValidationError("--reviewer-key belongs to a --reviewer; name the reviewer too")
        }
    }

    func run() throws {
        let context = CommandContext.current
        let environment = context.environment
        let people = reviewers
        let person = try environment.identity(explicit: person.author)
        let result = try RepositoryCreation.create(
            at: URL(fileURLWithPath: context.path(directory)), content: URL(fileURLWithPath: context.path(from)),
            hooks: hooks.map { URL(fileURLWithPath: context.path($0)) },
            reviewers: people, firstReviewerKeys: try reviewerKeys.map(ReviewerKeyFile.read), publishedBranch: branch, bare: bare,
            shared: shared, as: person, environment: environment)
        print("Created \(bare ? "bare " : "")content repository \(directory) (\(branch) at \(result.short)).")
        if let shared {
            print(
                "Shared (core.sharedRepository=\(shared)): what anyone writes in it is group-writable, its folders setgid. "
                    + "Give it the clinic's group once: chgrp -R GROUP \(directory)")
        }
        if people.isEmpty { print("No reviewers yet: add them to clinicctl.yaml so drafts can be approved.") }
        let publishes = hooks.map {
            FileManager.default.fileExists(atPath: URL(fileURLWithPath: context.path($0)).appendingPathComponent("post-receive").path)
        }
        print(Output.initNextSteps(directory: directory, bare: bare, publishes: publishes ?? false))
    }
}
