import ArgumentParser
import ClinicWebhook
import Foundation
import WebhookCommandLine

/// clinicctl's HTTP deliveries in a program of their own: the only one that loads
/// FoundationNetworking (libcurl, GnuTLS, Kerberos…), so clinicctl starts
/// without them. clinicctl checks the arguments, then replaces itself with this
/// program, which must be installed next to it (`make install` does).
/// Without a subcommand it is `post`, as it was before it had subcommands.
@main
struct ClinicctlWebhook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinicctl-webhook",
        abstract: "Send what clinicctl deploy hands over: a signed webhook, or the Google Business Profile listings.",
        subcommands: [Post.self, GoogleBusinessProfile.self],
        defaultSubcommand: Post.self)

    /// As clinicctl reports an error: one `error:` line on stderr; exit 1, or 64 for a usage error.
    static func fail(_ message: String, code: Int32 = 1) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        Self.exit(withError: ExitCode(code))
    }
}

extension ClinicctlWebhook {
    /// `clinicctl deploy webhook`'s sending.
    struct Post: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "post",
            abstract: "POST a file with an HMAC-SHA256 signature header, as GitHub signs webhooks (run by clinicctl deploy webhook).")

        @OptionGroup var webhook: WebhookOptions

        func run() throws {
            let (url, secretEnv, file, event) = (webhook.url, webhook.secretEnv, webhook.file, webhook.event)
            guard let target = URL(string: url) else { return }
            // clinicctl checked these before running this program; they are checked again for a direct run.
            guard let secret = ProcessInfo.processInfo.environment[secretEnv], !secret.isEmpty else {
                ClinicctlWebhook.fail("\(secretEnv) is not set; set it to the webhook's shared secret", code: 64)
            }
            guard let body = FileManager.default.contents(atPath: file) else { ClinicctlWebhook.fail("cannot read \(file)") }
            do {
                let status = try WebhookDelivery(url: target, secret: secret).send(body, event: event)
                print("delivered \(file) to \(url): HTTP \(status)")
            } catch {
                ClinicctlWebhook.fail((error as? LocalizedError)?.errorDescription ?? "\(error)")
            }
        }
    }
}
