import ArgumentParser
import ClinicExport
import ClinicWorkflow
import Foundation
import WebhookCommandLine

extension Deploy {
    struct Webhook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "webhook",
            abstract: "POST a file with an HMAC-SHA256 signature header, as GitHub signs webhooks.")

        @OptionGroup var webhook: WebhookOptions

        func run() throws {
            guard let secret = CommandContext.current.variable(webhook.secretEnv) else {
                throw WorkflowError(.usage, "\(webhook.secretEnv) is not set; set it to the webhook's shared secret")
            }
            guard FileManager.default.isReadableFile(atPath: webhook.file) else {
                throw WorkflowError(.notFound, "cannot read \(webhook.file)")
            }
            // The sending happens in clinicctl-webhook (see WebhookProgram): only it loads the networking libraries.
            try WebhookProgram.replaceProcess(arguments: webhook.arguments)
        }
    }
}
