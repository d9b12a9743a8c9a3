import ArgumentParser
import ClinicWorkflow
import Foundation

struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Set up the Git hooks shipped in hooks/.",
        subcommands: [Install.self])

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

        func run() throws {
            try Output.guarded {
                let repository = try self.repository.open()
                do {
                    if repository.git.isBare {
                        try installPostReceive(repository)
                    } else {
                        try repository.git.setConfigString("core.hooksPath", "hooks")
                        print("Set core.hooksPath to hooks: Git now runs hooks/pre-commit before each commit.")
                        if let folder = repository.git.workingDirectory,
                            !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("hooks/pre-commit").path)
                        {
                            Output.note(
                                "note: hooks/pre-commit is missing or not executable in this working tree; copy it from clinicctl's hooks/ and commit it"
                            )
                        }
                    }
                } catch let error as WorkflowError {
                    throw error
                } catch {
                    throw WorkflowError(.repository, "\(error)")
                }
            }
        }

        func installPostReceive(_ repository: ContentRepository) throws {
            let tip = try repository.publishedTip()
            guard let script = try repository.git.readFile("hooks/post-receive", at: tip) else {
                throw WorkflowError(.notFound, "the published branch has no hooks/post-receive; commit clinicctl's hooks/ folder first")
            }
            let target = repository.git.gitDirectory.appendingPathComponent("hooks/post-receive")
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try script.write(to: target, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
            print(
                "Installed \(target.path) from \(repository.config.publishedBranch) (\(tip.short)): a push that moves \(repository.config.publishedBranch) now runs `clinicctl publish`."
            )
        }
    }
}
