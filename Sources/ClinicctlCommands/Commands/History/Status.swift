import ArgumentParser
import ClinicContent
import ClinicExport
import ClinicWorkflow
import Foundation

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "What is published, waiting for review, and deployed.")
    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var output: JSONOption
    var json: Bool { output.json }

    func run() throws {
        let repository = try self.repository.open()
        let status = try repository.reviews.status()
        let zone = try repository.reviews.clinicTimeZone()
        if json { return try Output.printJSON(status, in: zone) }
        Output.noteSkipped(status.skippedDraftReferences)
        let variable = CommandContext.current.variable("CLINIC_WEBROOT")
        let webRoot = (variable ?? repository.server.configuredWebRoot).map { URL(fileURLWithPath: $0) }
        print("Published (\(status.publishedBranch)): \(status.publishedTip.short) \(status.publishedSummary)")
        if let approval = status.publishedApproval {
            print("  approved by \(approval.approvedBy?.name ?? "nobody recorded") (\(approval.words))")
        }
        print("Open drafts: \(status.openDrafts.isEmpty ? "none" : status.openDrafts.joined(separator: ", "))")
        if !status.unverifiedRecords.isEmpty {
            print("Unverified records (they close nothing):")
            for record in status.unverifiedRecords {
                print("  \(record.title): \(Output.visible(record.unverified ?? "?")) (\(record.reference))")
            }
        }
        if let places = status.server {
            for place in [DraftPlace.onlyHere, .onlyOnServer, .differs] where !places.drafts(place).isEmpty {
                print("  \(place.words): \(places.drafts(place).joined(separator: ", "))")
            }
            print(Output.lastSync(places, now: repository.environment.now()))
        }
        if let deployed = status.deployed {
            if let server = status.deploymentRecordedBy {
                print(
                    "Deployed: \(deployed.short)" + (status.notDeployed.isEmpty ? " (up to date)" : "")
                        + ", as the server (\(server)) recorded it at the last sync")
            } else if case .unverified(let reason) = try DeploymentCheck.check(repository, webRoot: webRoot) {
                print("Deployed: \(deployed.short) (unverified: \(reason))")
            } else {
                print("Deployed: \(deployed.short)" + (status.notDeployed.isEmpty ? " (up to date)" : ""))
            }
            print("  \(Live.how(status.deployment, in: zone)); details: clinicctl live")
        } else {
            print("Deployed: never (run `clinicctl publish`)")
        }
        if let failure = status.publishFailure { print(Live.failed(failure, in: zone)) }
        if let exported = status.exportedNotDeployed {
            let place = status.deploymentRecordedBy.map { " on the server (\($0))" } ?? ""
            print("Exported, not deployed\(place): \(exported.short) (every deploy hook skipped; see hooks/README.md)")
        }
        if !status.notDeployed.isEmpty {
            print("Approved but not deployed yet:")
            status.notDeployed.forEach { print("  \($0)") }
        }
    }
}
