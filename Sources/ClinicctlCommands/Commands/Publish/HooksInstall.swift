import ArgumentParser
import ClinicContent
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
                moves the published branch publishes it, and the notifiers in hooks/notify.d
                hear of every draft, approval, rejection and deployment. The hooks run the clinicctl
                that installs them (or --clinicctl PATH), whatever the PATH of the account Git runs
                them as; --webroot DIR is kept in git config clinicctl.webroot, where the publish
                reads it when CLINIC_WEBROOT is unset. So the server needs no environment set up
                (sshd, gitolite, Apache, git daemon). See hooks/README.md.
                With --ci FORGE, for a hosted repository that cannot run clinicctl's hooks (GitHub,
                GitLab, Forgejo/Gitea), opens a draft adding the CI workflow that runs `verify` and
                `validate` on every push to the published branch; make it a required status check
                (docs/team.md).
                """)

        @OptionGroup var repository: RepositoryOptions
        @Flag(help: "On the shared bare repository: also install the pre-receive check (see docs/team.md).") var server = false
        @Option(
            help: ArgumentHelp(
                "With --server: the folder the web server serves (hooks/publish.d/10-webroot publishes into it).", valueName: "dir"))
        var webroot: String?
        @Option(
            help: ArgumentHelp(
                "In a bare repository: the clinicctl the hooks run (default: the absolute path of this one).",
                valueName: "path"))
        var clinicctl: String?
        @Option(
            help: ArgumentHelp(
                "Open a draft adding the required CI check for a hosted forge: github, gitlab or forgejo.", valueName: "forge"))
        var ci: CIForge?
        @OptionGroup var person: PersonOption
        @OptionGroup var output: JSONOption

        func validate() throws {
            try OnlyOne.check(["--server (a bare repository with hooks)": server, "--ci (a hosted forge)": ci != nil])
            if webroot != nil && !server { throw ValidationError("--webroot belongs to --server (the shared bare repository)") }
            if clinicctl != nil && ci != nil { throw ValidationError("--clinicctl is for the hooks of a bare repository, not --ci") }
        }

        /// The running clinicctl, whose absolute path the hooks get unless --clinicctl names another.
        static var runningProgram: String? { RunningProgram.path }

        /// The clinicctl written into the hooks: --clinicctl (made absolute), else this one.
        var program: URL? {
            if let clinicctl { return URL(fileURLWithPath: CommandContext.current.path(clinicctl)).standardizedFileURL }
            return Self.runningProgram.map { URL(fileURLWithPath: $0) }
        }

        func run() throws {
            let repository = try self.repository.open()
            if let ci {
                let result = try repository.server.addCICheck(ci.forge, as: try repository.identity(explicit: person.author))
                if output.json { return try Output.printJSON(result) }
                Output.printEdit(result, onlyHere: repository.team.hasRemote())
                return
            }
            if server {
                let root = webroot.map { URL(fileURLWithPath: CommandContext.current.path($0)).standardizedFileURL }
                for file in try repository.server.installServerHooks(webRoot: root, clinicctl: program) { print("Installed \(file.path).") }
                if let program { print("The hooks run \(program.path).") }
                if let root { print("The publish puts the website into \(root.path) (git config clinicctl.webroot).") }
                return
            }
            switch try repository.installGitHooks(clinicctl: program) {
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

/// A forge `hooks install --ci` writes a workflow for.
enum CIForge: String, ExpressibleByArgument, CaseIterable {
    case github, gitlab, forgejo

    var forge: CICheck.Forge {
        switch self {
        case .github: .github
        case .gitlab: .gitlab
        case .forgejo: .forgejo
        }
    }
}
