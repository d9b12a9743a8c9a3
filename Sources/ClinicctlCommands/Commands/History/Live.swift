import ArgumentParser
import ClinicWorkflow
import Foundation

struct Live: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "What the website shows now: the deployed revision, when, by which hooks, and what waits.",
        discussion: "Approved drafts not deployed yet go live with `clinicctl publish`. Times are in the clinic's time zone.")
    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let repository = try self.repository.open()
        let zone = try repository.reviews.clinicTimeZone()
        let live = try repository.deployments.liveState()
        if output.json { return try Output.printJSON(live, in: zone) }
        if let deployed = live.deployed {
            print("Live: \(deployed.short) \(live.deployedSummary ?? "")")
            print("  \(Self.how(live.deployment, in: zone))")
            if let server = live.recordedBy { print("  as the server (\(server)) recorded it, fetched by the last `clinicctl sync`") }
        } else {
            print("Live: nothing was deployed yet")
        }
        if let failure = live.publishFailure { print(Self.failed(failure, in: zone)) }
        if live.upToDate { return print("Up to date with \(live.publishedBranch).") }
        if !live.waiting.isEmpty {
            print("Approved but not deployed yet (newest first):")
            print(
                Output.table(
                    live.waiting.map { [$0.revision.short, zone.text($0.approvedAt), $0.draft, "approved by \($0.approvedBy.name)"] },
                    indent: "  "))
        }
        if !live.otherChangesWaiting.isEmpty {
            print("Other published changes not deployed yet:")
            live.otherChangesWaiting.forEach { print("  \($0)") }
        }
        if live.recordedBy != nil {
            return print("\nThe server publishes each approval as it arrives; `clinicctl sync` brings its newest record.")
        }
        print("\nNext:\n  deploy them:  clinicctl publish")
    }

    /// `Publishing failed on the server (origin) at 2026-11-29 10:42 CST, for f3ea4b2: deploy hook …`.
    static func failed(_ failure: PublishFailure, in zone: ClinicTimeZone) -> String {
        let place = failure.recordedBy.map { "Publishing failed on the server (\($0))" } ?? "The last publish failed"
        return "\(place) at \(zone.text(failure.failedAt)), for \(failure.revision.short): \(failure.message)"
    }

    /// `deployed 2026-11-29 10:42 CST by hooks 10-upload, 20-notify`.
    static func how(_ deployment: Deployment?, in zone: ClinicTimeZone) -> String {
        guard let deployment else { return "when and by which hooks was not recorded (deployed by an older clinicctl)" }
        let hooks =
            deployment.hooks.isEmpty
            ? "with no deploy hook run (only the bundle was exported)" : "by hooks \(deployment.hooks.joined(separator: ", "))"
        let notRun = deployment.notRun.isEmpty ? "" : "; not run (not accepted): \(deployment.notRun.joined(separator: ", "))"
        return "deployed \(zone.text(deployment.deployedAt)) \(hooks)\(notRun)"
    }
}
