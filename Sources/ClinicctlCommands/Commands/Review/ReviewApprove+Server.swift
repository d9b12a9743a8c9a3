import ClinicWorkflow
import Foundation

extension Review.Approve {
    /// In a clone whose server publishes: says what the website serves once the server's
    /// publish recorded it (never this laptop's own "not deployed"). False when the server
    /// keeps no publish records, so whatever deploys runs from here, as before.
    func reportServerPublication(_ repository: ContentRepository, revision: Revision) throws -> Bool {
        let hadRecords = try repository.deployments.serverHasPublishRecords()
        let zone = try repository.reviews.clinicTimeZone()
        let outcome = try repository.deployments.waitForServerPublication(of: revision, seconds: wait, hadRecords: hadRecords)
        if case .failed(let failure) = outcome { throw Output.serverCouldNotPublish(failure.message) }
        if case .serverDoesNotPublish = outcome { return false }
        if identity.json { return true }
        switch outcome {
        case .live(let website):
            let since = website.deployment.map { " since \(zone.text($0.deployedAt))" } ?? ""
            let hooks = website.deployment.map { $0.hooks.isEmpty ? "" : ", by \($0.hooks.joined(separator: ", "))" } ?? ""
            print("Live on the website\(since) (\(website.revision.short)\(hooks)), as the server recorded it.")
        case .exportedNotDeployed(let exported):
            Output.note(
                "the server exported \(exported.short) but did not deploy it: every deploy hook skipped there "
                    + "(its hooks need configuring, see hooks/README.md). `clinicctl status` shows it after each sync")
        case .notYet(let deployed):
            let now = deployed.map { "the website still serves \($0.revision.short)" } ?? "nothing was deployed yet"
            Output.note(
                "the server has not published \(revision.short) yet (waited \(Int(wait)) s; \(now)). "
                    + "`clinicctl sync` then `clinicctl live` shows when it does")
        case .serverDoesNotPublish, .failed:
            break  // answered above
        }
        return true
    }
}
