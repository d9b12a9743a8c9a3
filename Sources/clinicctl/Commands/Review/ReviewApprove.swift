import ArgumentParser
import ClinicContent
import ClinicExport
import ClinicWorkflow
import Foundation

extension Review {
    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a draft: merge it onto the published branch, recording who approved it.")
        @Argument(help: "The draft's id.") var id: String
        @Option(help: "A note for the approval record.") var message: String?
        @Flag(help: "Do not publish after the merge (run `clinicctl publish` later).") var noPublish = false
        @Option(help: ArgumentHelp("Stop a deploy hook still running after this many seconds.", valueName: "seconds"))
        var timeout: Int = 60
        @Flag(help: "In a clone: approve here only, and send it later with `clinicctl sync`.") var local = false
        @OptionGroup var identity: IdentityOptions

        func run() throws {
            let (repository, person) = try identity.open()
            let result =
                !local && repository.hasRemote()
                ? try repository.approveThroughServer(id, as: person, message: message)
                : try repository.approve(id, as: person, message: message)
            try report(result, repository)
            if !noPublish { try publish(repository, revision: result.mergedRevision) }
        }

        func report(_ result: ApprovalResult, _ repository: ContentRepository) throws {
            if identity.json { return try Output.printJSON(result) }
            print(
                "Approved draft \(id): \(repository.config.publishedBranch) is now \(result.merge.short) (was \(result.previousTip.short))."
            )
            for change in result.changes { print("  \(change.kind.rawValue) \(change.title)") }
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
            let outcome = try Publisher().publishApproved(repository: repository, revision: revision, timeout: .seconds(timeout)) {
                Output.note($0)
            }
            if case .alreadyDeployed(let deployed) = outcome {
                Output.note("A publish running at the same time already deployed \(deployed.short), which includes this approval.")
            }
        }
    }
}
