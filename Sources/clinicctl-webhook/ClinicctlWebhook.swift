import ArgumentParser
import ClinicWebhook
import Foundation

/// `clinicctl deploy webhook` in a program of its own: the only one that loads
/// FoundationNetworking (libcurl, GnuTLS, Kerberos…), so clinicctl starts
/// without them. clinicctl checks the arguments, then replaces itself with this
/// program, which must be installed next to it (`make install` does).
@main
struct ClinicctlWebhook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinicctl-webhook",
        abstract: "POST a file with an HMAC-SHA256 signature header, as GitHub signs webhooks (run by clinicctl deploy webhook).")

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
        guard WebhookDelivery.isEventName(event) else {
            throw ValidationError("--event \(event) is not an event name (letters, digits, '.', '_' and '-')")
        }
    }

    func run() throws {
        guard let target = URL(string: url) else { return }
        // clinicctl checked these before running this program; they are checked again for a direct run.
        guard let secret = ProcessInfo.processInfo.environment[secretEnv], !secret.isEmpty else {
            Self.fail("\(secretEnv) is not set; set it to the webhook's shared secret", code: 64)
        }
        guard let body = FileManager.default.contents(atPath: file) else { Self.fail("cannot read \(file)") }
        do {
            let status = try WebhookDelivery(url: target, secret: secret).send(body, event: event)
            print("delivered \(file) to \(url): HTTP \(status)")
        } catch {
            Self.fail((error as? LocalizedError)?.errorDescription ?? "\(error)")
        }
    }

    /// As clinicctl reports an error: one `error:` line on stderr; exit 1, or 64 for a usage error.
    static func fail(_ message: String, code: Int32 = 1) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        Self.exit(withError: ExitCode(code))
    }
}
