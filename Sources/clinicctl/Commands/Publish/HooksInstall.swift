import ArgumentParser
import ClinicWorkflow
import Foundation

extension HooksCommand {
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Point the repository's Git hooks at hooks/.",
            discussion: """
                In a working copy, sets core.hooksPath to hooks, so hooks/pre-commit checks
                every plain `git commit`. In a bare repository (a shared server), writes
                hooks/post-receive from the published branch, so a push that moves the
                published branch publishes it. See hooks/README.md.
                """)

        @OptionGroup var repository: RepositoryOptions
        @Flag(help: "On the shared bare repository: also install the pre-receive check (see docs/team.md).") var server = false

        func run() throws {
            let repository = try self.repository.open()
            if server {
                for file in try repository.installServerHooks() { print("Installed \(file.path).") }
                return
            }
            switch try repository.installGitHooks() {
            case .hooksPath(let preCommitReady):
                print("Set core.hooksPath to hooks: Git now runs hooks/pre-commit before each commit.")
                if !preCommitReady {
                    Output.note(
                        "note: hooks/pre-commit is missing or not executable in this working tree; copy it from clinicctl's hooks/ and commit it"
                    )
                }
            case .postReceive(let file, let revision):
                let branch = repository.config.publishedBranch
                print(
                    "Installed \(file.path) from \(branch) (\(revision.short)): a push that moves \(branch) now runs `clinicctl publish`."
                )
            }
        }
    }
}
