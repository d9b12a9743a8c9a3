import ArgumentParser

@main
struct Clinicctl: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "clinicctl",
        abstract: "Keep a clinic's website content in Git: edit, review, validate and publish it.",
        discussion: """
            Edits become drafts; a reviewer approves a draft onto the published branch;
            deploy hooks publish the approved content as a JSON bundle.
            Start with `clinicctl faq list`, `clinicctl hours show` or `clinicctl validate`.
            """,
        version: version,
        subcommands: [
            Validate.self, Summary.self, Init.self,
            FAQ.self, Hours.self, LocationCommand.self, Social.self, ClinicCommand.self,
            Drafts.self, InboxCommand.self, Review.self, DraftCommand.self, History.self, Revert.self, Status.self, Live.self,
            ConfigCommand.self,
            Export.self, SchemaCommand.self, Preview.self, Publish.self, HooksCommand.self, Deploy.self, RulesCommand.self,
            Clone.self, Sync.self, Verify.self, Reviewers.self,
        ])

    /// Parses, then runs; every error from a command's run leaves through `Failure`.
    static func main() {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            Failure.exitLikeArgumentParser(error)
        }
        do {
            try command.run()
        } catch {
            OpenRepositories.finish()
            Failure.exit(error)
        }
        OpenRepositories.finish()
    }
}
