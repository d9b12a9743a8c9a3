import ArgumentParser
import ClinicContent
import ClinicExport
import ClinicWorkflow
import Foundation

extension Review {
    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve",
            abstract: "Publish a draft: merge it onto the published branch, recording who approved it.",
            discussion: """
                In a clone, the approval goes to the server at once, and what the server's publish did
                is reported: live on the website, not published yet, or `the server could not publish:
                <its words>`, which exits with status 3 (the approval stands). A shared repository that
                is a folder on this computer runs no server hooks: approve says so, and publishes from here.
                """)
        @Argument(help: "The draft's id.") var id: DraftID
        @Option(help: "A note for the approval record.") var message: String?
        @Option(
            help: ArgumentHelp(
                "Also approve what the draft changes outside the content: hooks, settings, files (comma-separated or repeated).",
                valueName: "what"), transform: TypedArgument.acceptances)
        var accept: [[Acceptance]] = []
        @Option(
            help: ArgumentHelp(
                "Approve only if the draft is still at this commit (default: the tip `review show` showed you).", valueName: "sha"))
        var tip: String?
        @Flag(help: "Do not publish after the merge (run `clinicctl publish` later).") var noPublish = false
        @Option(help: ArgumentHelp("Stop a deploy hook still running after this many seconds.", valueName: "seconds"))
        var timeout: Int = 60
        @Flag(help: "In a clone: approve here only, and send it later with `clinicctl sync`.") var local = false
        @Option(
            help: ArgumentHelp(
                "In a clone: wait this long for the server to publish the approval before saying it has not yet.",
                valueName: "seconds"))
        var wait: Double = 10
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var signing: SigningOption

        var accepted: [Acceptance] { accept.flatMap { $0 } }

        func validate() throws {
            guard wait >= 0, wait <= 600 else { throw ValidationError("--wait takes 0 to 600 seconds, not \(wait)") }
        }

        func run() throws {
            let (repository, person) = try identity.open()
            let tip = try self.tip.map { TipChoice.named(try repository.revision($0)) } ?? .lastShown
            let delivery = Delivery.choose(for: repository, hereOnly: local)
            let decision = try repository.reviews.approve(
                id.text, as: person, message: message, accepting: Set(accepted), tip: tip, delivery: delivery,
                signingKey: try signing.key(repository))
            guard let result = decision.approval else { return }
            // Never shown to this reviewer: all of what was approved is shown with the approval.
            if let unseen = decision.shownNow, !identity.json {
                print("You had not opened draft \(id) with `clinicctl review show`; this is all of what you approved:\n")
                print(ReviewText.render(unseen, publishedBranch: repository.config.publishedBranch) + "\n")
            }
            try report(result, repository)
            // A folder here runs no server hooks: the approval is in it, but nothing checked or published it there.
            Output.noteLocalServer(decision.localServer)
            // The server publishes whatever --no-publish says here; its failure is said whatever too.
            if let words = ServerPublishReport.failure(in: result.serverMessages) { throw Output.serverCouldNotPublish(words) }
            if noPublish { return }
            if delivery == .throughServer, decision.localServer == nil,
                try reportServerPublication(repository, revision: result.mergedRevision)
            {
                return
            }
            try publish(repository, revision: result.mergedRevision)
        }

        func report(_ result: ApprovalResult, _ repository: ContentRepository) throws {
            if identity.json { return try Output.printJSON(result) }
            print(
                "Approved draft \(id): \(repository.config.publishedBranch) is now \(result.merge.short) (was \(result.previousTip.short))."
            )
            for change in result.changes { print("  \(change.kind.rawValue) \(change.title)") }
            if !result.accepted.isEmpty {
                print("Accepted beyond content, as recorded in the approval: \(result.accepted.map(\.rawValue).joined(separator: ", ")).")
            }
            switch result.workingTree {
            case .updated: print("Your checkout of \(result.publishedBranch) was brought up to date.")
            case .updatedAroundLocalChanges:
                print("Your checkout has local changes; they were left untouched and the approved files were updated around them.")
            case .leftAlone:
                print("Your checkout has local changes in the approved files; it was left as it was. Commit or stash them, then update it.")
            case .failed, .notCheckedOut: break
            }
            for problem in result.problems { Output.note("warning: \(problem)") }
        }

        /// Publishing after the merge; a failure leaves the approval in place and says how to retry.
        func publish(_ repository: ContentRepository, revision: Revision) throws {
            fflush(nil)  // the approval report first, then the hooks' lines
            let outcome = try Publisher(environment: CommandContext.current.environment.variables).publishApproved(
                repository: repository, revision: revision, timeout: .seconds(timeout)
            ) {
                Output.note($0)
            }
            if case .alreadyDeployed(let deployed) = outcome {
                Output.note("A publish running at the same time already deployed \(deployed.short), which includes this approval.")
            }
        }
    }
}
