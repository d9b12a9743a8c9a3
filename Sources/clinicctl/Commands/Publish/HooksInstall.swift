import ArgumentParser
import ClinicWorkflow
import Foundation

extension HooksCommand {
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Install the Git hooks committed in hooks/ on the published branch.",
            discussion: """
                In a working copy, copies them into .git/hooks (never core.hooksPath, which
                would run a draft's hooks on checkout), so hooks/pre-commit checks every plain
                `git commit`; an approval refreshes the copies. In a bare repository (a shared
                server), writes hooks/post-receive from the published branch, so a push that
                moves the published branch publishes it. See hooks/README.md.
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
            case .copied(let folder, let hooks, let revision, let preCommitReady):
                let branch = repository.config.publishedBranch
                print(
                    "Copied \(hooks.isEmpty ? "no hooks" : hooks.joined(separator: ", ")) from \(branch) (\(revision.short)) into \(folder.path)."
                )
                if !preCommitReady {
                    Output.note(
                        "note: \(branch) has no executable hooks/pre-commit; copy it from clinicctl's hooks/, commit it, get it approved, then install again"
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
