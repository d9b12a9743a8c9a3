import ArgumentParser
import ClinicExport
import ClinicWorkflow
import Foundation

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Export the published content and run the deploy hooks.",
        discussion: """
            Runs every hook in hooks/publish.d, in name order, as committed in the revision
            being published (never the working tree's copy). Each hook gets
            CLINICCTL_BUNDLE_DIR, CLINICCTL_REVISION and CLINICCTL_PREVIOUS_REVISION, and a
            JSON event on standard input; its output is shown prefixed with its name.
            When all succeed, the revision is recorded in refs/clinicctl/deployed; when one
            fails, publishing stops and the record stays where it was: run publish again.
            A hook that exits 77 skipped; when every hook skipped, the revision is exported,
            not deployed: it goes into refs/clinicctl/exported and status shows it.
            """)

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var revision: RevisionOption
    var rev: String? { revision.rev }
    @Flag(help: "Export and list the hooks that would run; run and record nothing.")
    var dryRun = false
    @Flag(help: "Print the result as JSON (progress goes to standard error).")
    var json = false
    @Option(help: ArgumentHelp("Stop a hook still running after this many seconds.", valueName: "seconds"))
    var timeout: Double = 60

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
        let repository = try self.repository.open()
        let commit = try rev.map { try repository.revision($0) }
        let json = self.json
        let result = try Publisher(environment: CommandContext.current.environment.variables).publishInTurn(
            repository: repository, revision: commit, dryRun: dryRun, timeout: .milliseconds(Int64(timeout * 1000))
        ) { line in
            if json { Output.note(line) } else { print(line) }
        }
        if json { try Output.printJSON(result) }
    }
}
