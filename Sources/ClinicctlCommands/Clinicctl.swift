import ArgumentParser
import Foundation

/// The `clinicctl` command: every subcommand, and running one command line.
public struct Clinicctl: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
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

    public init() {}

    /// The program: runs the process's command line with its own streams, then exits with the code.
    public static func main() {
        let code = run(Array(CommandLine.arguments.dropFirst()), in: .process())
        fflush(nil)
        Foundation.exit(code)
    }

    /// Parses `arguments`, then runs the command they name in `context`, and returns
    /// the exit code; everything it says goes to the context's streams. Every error
    /// from a command's run leaves through `Failure`.
    public static func run(_ arguments: [String], in context: CommandContext) -> Int32 {
        var context = context
        context.opened = OpenRepositories()
        return CommandContext.$current.withValue(context) {
            var command: any ParsableCommand
            do {
                command = try parseAsRoot(arguments)
            } catch {
                return Failure.argumentParsers(error)
            }
            defer { context.opened.finish() }
            do {
                try command.run()
                return 0
            } catch {
                return Failure.code(for: error)
            }
        }
    }
}
