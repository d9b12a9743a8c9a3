import ArgumentParser
import ClinicContent
import ClinicExport
import ClinicWorkflow
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension HooksCommand {
    /// What the server's post-receive hook runs; reads Git's `old new ref` lines on stdin.
    struct PostReceive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "post-receive",
            abstract: "Publish and notify after a push on the shared server (run by hooks/post-receive).",
            discussion: """
                Reads Git's `old new ref` lines on standard input. When the published branch
                (git config clinicctl.publishedBranch, never anything pushed) moved, publishes its
                new tip as `clinicctl publish --rev` does; a failed publish prints one line starting
                `clinicctl server: publish failed: ` (which review approve and sync in a clone report)
                and makes it exit non-zero.
                Then runs the notifiers in hooks/notify.d, as committed on the published branch,
                once per event of the push (draft pushed or changed, approval, rejection, and the
                deployment), each with the event as JSON on standard input, for at most
                git config clinicctl.notifySeconds (default 10) seconds. A notifier that fails
                never changes the push or the exit status. The repository is --repo, else the one
                Git names in GIT_DIR, else the current folder. See hooks/README.md.
                """)

        @OptionGroup var repository: RepositoryOptions

        func run() throws {
            var updates: [ProposedUpdate] = []
            while let line = readLine() {
                if let update = ProposedUpdate(line: line) { updates.append(update) }
            }
            let context = CommandContext.current
            let environment = context.environment.variables
            var options = repository
            options.repo =
                options.repo
                ?? ClinicExport.PostReceive.repositoryFolder(
                    environment: environment, currentDirectory: context.currentDirectory.path)
            // Found through the path from now on: Git's variables would send the deploy hooks'
            // and notifiers' own `git` calls to the wrong place.
            for name in ClinicExport.PostReceive.gitVariables { unsetenv(name) }
            let opened = try options.open()
            let failure = ClinicExport.PostReceive(environment: environment).run(updates, repository: opened) { line in
                print(line)
                fflush(nil)
            } failed: { error in
                // Said already, in the line the pusher's clinicctl reads (`clinicctl server: publish failed: …`).
                fflush(nil)
                if let error = error as? WorkflowError, !error.findings.isEmpty { Failure.report(error.said, findings: error.findings) }
            }
            if let failure {
                throw ExitCode((failure as? WorkflowError)?.code == .usage ? Failure.usage : 1)
            }
        }
    }
}
