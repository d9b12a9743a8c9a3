import ArgumentParser
import ClinicWebhook
import Foundation
import WebhookCommandLine

extension ClinicctlWebhook {
    /// `clinicctl deploy google-business-profile`'s sending: each location's changed body as a
    /// locations.patch; a refused one is said on stderr, the others still go, and the exit is 1.
    struct GoogleBusinessProfile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "google-business-profile",
            abstract: "PATCH each changed Google Business Profile listing (run by clinicctl deploy google-business-profile).")

        @OptionGroup var google: GoogleBusinessProfileOptions

        func run() throws {
            // clinicctl checked these before running this program; they are checked again for a direct run.
            guard let text = FileManager.default.contents(atPath: google.tokenFile).map({ String(decoding: $0, as: UTF8.self) }) else {
                ClinicctlWebhook.fail("cannot read the token file \(google.tokenFile)")
            }
            let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { ClinicctlWebhook.fail("the token file \(google.tokenFile) is empty") }
            let delivery = GoogleBusinessProfileDelivery(api: google.api, token: token, state: URL(fileURLWithPath: google.state))
            var failed = 0
            for pair in google.pairs {
                do {
                    switch try delivery.deliver(pair, file: URL(fileURLWithPath: pair.listing(in: google.bundle))) {
                    case .unchanged:
                        print("\(pair.location): unchanged since last sent to \(pair.resource)")
                    case .sent(let mask, let periods, let special, let status):
                        print(
                            "\(pair.location): sent PATCH \(pair.resource)?updateMask=\(mask) (\(periods) weekly periods, \(special) special) -> HTTP \(status)"
                        )
                    }
                } catch let refusal as GoogleRefusal {
                    FileHandle.standardError.write(Data("\(refusal)\n".utf8))
                    failed += 1
                } catch {
                    FileHandle.standardError.write(
                        Data("\(pair.location): \((error as? LocalizedError)?.errorDescription ?? "\(error)")\n".utf8))
                    failed += 1
                }
            }
            if failed > 0 { throw ExitCode.failure }
        }
    }
}
