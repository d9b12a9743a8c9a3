import ArgumentParser
import ClinicExport
import ClinicWorkflow
import Foundation

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the published content and run the deploy hooks.",
        discussion: """
            Runs every hook in hooks/publish.d, in name order, as committed in the revision
            being published (never the working tree's copy). Each hook gets
            CLINICCTL_BUNDLE_DIR, CLINICCTL_REVISION and CLINICCTL_PREVIOUS_REVISION, and a
            JSON event on standard input; its output is shown prefixed with its name.
            When all succeed, the revision is recorded in refs/clinicctl/deployed; when one
            fails, publishing stops and the record stays where it was: run publish again.
            """)

    @OptionGroup var repository: RepositoryOptions
    @Option(help: ArgumentHelp("Publish this revision instead of the published branch's tip.", valueName: "rev"))
    var rev: String?
    @Flag(help: "Export and list the hooks that would run; run and record nothing.")
    var dryRun = false
    @Flag(help: "Print the result as JSON (progress goes to standard error).")
    var json = false
    @Option(help: ArgumentHelp("Stop a hook still running after this many seconds.", valueName: "seconds"))
    var timeout: Double = 60

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
        try Output.guarded {
            let repository = try self.repository.open()
            let commit = try rev.map { try repository.revision($0) }
            let json = self.json
            let result: PublishResult
            do {
                result = try Publisher().publish(
                    repository: repository, revision: commit, dryRun: dryRun,
                    timeout: .milliseconds(Int64(timeout * 1000))
                ) { line in
                    (json ? FileHandle.standardError : FileHandle.standardOutput).write(Data((line + "\n").utf8))
                }
            } catch let error as PublishError {
                throw WorkflowError(.refused, error.message)
            }
            if json { try Output.printJSON(result) }
        }
    }
}

/// Delivery steps the shipped deploy hooks call; not for people.
struct Deploy: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Deliver a published bundle (used by the hooks in hooks/publish.d).",
        shouldDisplay: false,
        subcommands: [Webhook.self])

    struct Webhook: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "POST a file with an HMAC-SHA256 signature header, as GitHub signs webhooks.")

        @Option(help: ArgumentHelp("Where to POST.", valueName: "url"))
        var url: String
        @Option(help: ArgumentHelp("The environment variable holding the shared secret (never the secret itself).", valueName: "name"))
        var secretEnv: String
        @Option(help: ArgumentHelp("The file to send as the body.", valueName: "path"))
        var file: String

        func validate() throws {
            guard let target = URL(string: url), ["http", "https"].contains(target.scheme?.lowercased() ?? "") else {
                throw ValidationError("--url \(url) is not an http(s) URL")
            }
        }

        func run() throws {
            try Output.guarded {
                guard let target = URL(string: url) else { return }
                guard let secret = ProcessInfo.processInfo.environment[secretEnv], !secret.isEmpty else {
                    throw WorkflowError(.usage, "\(secretEnv) is not set; set it to the webhook's shared secret")
                }
                guard let body = FileManager.default.contents(atPath: file) else {
                    throw WorkflowError(.notFound, "cannot read \(file)")
                }
                do {
                    let status = try WebhookDelivery(url: target, secret: secret).send(body)
                    print("delivered \(file) to \(url): HTTP \(status)")
                } catch let error as WebhookError {
                    throw WorkflowError(.refused, error.description)
                }
            }
        }
    }
}
