import ArgumentParser
import ClinicExport
import ClinicWorkflow
import Foundation

/// Delivery steps the shipped deploy hooks call; not for people.
struct Deploy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Deliver a published bundle (used by the hooks in hooks/publish.d).",
        shouldDisplay: false,
        subcommands: [Webhook.self, GoogleBusinessProfile.self])
}
