import ArgumentParser
import ClinicWorkflow
import Foundation

extension HooksCommand {
    /// What the server's pre-receive hook runs; reads Git's `old new ref` lines on stdin.
    struct PreReceive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pre-receive",
            abstract: "Check a push on the shared server (run by hooks/pre-receive).",
            discussion: """
                Reads Git's `old new ref` lines on standard input. Refuses the whole push when the
                published branch would be deleted, rewound, or moved by anything but valid approvals
                by listed reviewers who did not write the draft, or when a clinicctl record would be
                rewritten, or is added by someone who may not close that draft (a rejection not by
                a listed reviewer, a discard by neither the draft's author nor a reviewer, unsigned
                where signatures are required), or a note is added that names no draft the server has,
                or is by neither the draft's author nor a reviewer. The reasons go to standard error, which Git shows
                the pusher. A draft the push replaces (rewritten, not added to) keeps its old tip
                under refs/clinicctl/replaced/<id>-<short>.
                """)

        func run() throws {
            var updates: [ProposedUpdate] = []
            while let line = readLine() {
                if let update = ProposedUpdate(line: line) { updates.append(update) }
            }
            let repository = try ContentRepository.openInServerHook(environment: CommandContext.current.environment)
            let refusals = try repository.server.checkPush(updates) + repository.server.checkRecordPush(updates)
            guard !refusals.isEmpty else { return try repository.server.keepReplacedDrafts(updates) }
            for refusal in refusals {
                printError("refused \(refusal.reference): \(refusal.reason)\n")
            }
            throw ExitCode.failure
        }
    }
}
