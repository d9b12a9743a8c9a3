import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "What is published, waiting for review, and deployed.")
    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var output: JSONOption
    var json: Bool { output.json }

    func run() throws {
        let status = try repository.open().status()
        if json { return try Output.printJSON(status) }
        print("Published (\(status.publishedBranch)): \(status.publishedTip.short) \(status.publishedSummary)")
        print("Open drafts: \(status.openDrafts.isEmpty ? "none" : status.openDrafts.joined(separator: ", "))")
        if let deployed = status.deployed {
            print("Deployed: \(deployed.short)" + (status.notDeployed.isEmpty ? " (up to date)" : ""))
        } else {
            print("Deployed: never (run `clinicctl publish`)")
        }
        if let exported = status.exportedNotDeployed {
            print("Exported, not deployed: \(exported.short) (every deploy hook skipped; see hooks/README.md)")
        }
        if !status.notDeployed.isEmpty {
            print("Approved but not deployed yet:")
            status.notDeployed.forEach { print("  \($0)") }
        }
    }
}
