import ArgumentParser
import ClinicExport
import ClinicWorkflow
import Foundation

extension Deploy {
    struct Webhook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "webhook",
            abstract: "POST a file with an HMAC-SHA256 signature header, as GitHub signs webhooks.")

        @Option(help: ArgumentHelp("Where to POST.", valueName: "url"))
        var url: String
        @Option(help: ArgumentHelp("The environment variable holding the shared secret (never the secret itself).", valueName: "name"))
        var secretEnv: String
        @Option(help: ArgumentHelp("The file to send as the body.", valueName: "path"))
        var file: String
        @Option(help: ArgumentHelp("What the body tells of, sent as the X-Clinicctl-Event header.", valueName: "name"))
        var event = "publish"

        func validate() throws {
            guard let target = URL(string: url), ["http", "https"].contains(target.scheme?.lowercased() ?? "") else {
                throw ValidationError("--url \(url) is not an http(s) URL")
            }
            guard WebhookProgram.isEventName(event) else {
                throw ValidationError("--event \(event) is not an event name (letters, digits, '.', '_' and '-')")
            }
        }

        func run() throws {
            guard let secret = ProcessInfo.processInfo.environment[secretEnv], !secret.isEmpty else {
                throw WorkflowError(.usage, "\(secretEnv) is not set; set it to the webhook's shared secret")
            }
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw WorkflowError(.notFound, "cannot read \(file)")
            }
            // The sending happens in clinicctl-webhook (see WebhookProgram): only it loads the networking libraries.
            // The default is not passed on, so a deploy webhook runs the same with a clinicctl-webhook that predates --event.
            let named = event == "publish" ? [] : ["--event", event]
            try WebhookProgram.replaceProcess(arguments: ["--url", url, "--secret-env", secretEnv, "--file", file] + named)
        }
    }
}
