import ArgumentParser
import ClinicExport
import ClinicWorkflow
import Foundation
import WebhookCommandLine

extension Deploy {
    /// hooks/publish.d/30-google-business-profile: configured by the server's environment, as the hook is.
    struct GoogleBusinessProfile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "google-business-profile",
            abstract: "PATCH each location's changed Google Business Profile listing from the published bundle.",
            discussion: """
                Configured by the environment a deploy hook runs in:
                  CLINIC_GOOGLE_LOCATIONS   e.g. "glenview=locations/123 the-loop=locations/456"
                  CLINIC_GOOGLE_TOKEN_FILE  a file holding an OAuth 2 access token (read, never printed)
                  CLINIC_GOOGLE_API         optional, default \(GoogleLocation.defaultAPI)
                  CLINICCTL_BUNDLE_DIR, CLINICCTL_REPOSITORY  set by clinicctl publish
                Exits 77 (skipped) while CLINIC_GOOGLE_LOCATIONS is not set.
                """)

        func run() throws {
            let context = CommandContext.current
            let items = (context.variable("CLINIC_GOOGLE_LOCATIONS") ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
            guard !items.isEmpty else {
                // 77: "skipped", so publish does not call this a deployment (hooks/README.md).
                print("skipped: CLINIC_GOOGLE_LOCATIONS is not set")
                throw ExitCode(77)
            }
            guard let tokenFile = context.variable("CLINIC_GOOGLE_TOKEN_FILE").map(absolute) else {
                throw WorkflowError(.invalid, "CLINIC_GOOGLE_TOKEN_FILE is not set: name the file that holds the access token")
            }
            for item in items where GoogleLocation(item) == nil { throw WorkflowError(.invalid, GoogleLocation.malformed(item)) }
            guard let bundle = context.variable("CLINICCTL_BUNDLE_DIR").map(absolute) else {
                throw WorkflowError(.invalid, "CLINICCTL_BUNDLE_DIR is not set: run this through clinicctl publish")
            }
            let state = ((context.variable("CLINICCTL_REPOSITORY").map(absolute) ?? bundle) as NSString)
                .appendingPathComponent("clinicctl/google-business-profile")
            let api = context.variable("CLINIC_GOOGLE_API") ?? GoogleLocation.defaultAPI
            guard GoogleLocation.isAPI(api) else { throw WorkflowError(.invalid, "CLINIC_GOOGLE_API: \(api) is not an http(s) URL") }
            let google = GoogleBusinessProfileOptions(api: api, tokenFile: tokenFile, bundle: bundle, state: state, locations: items)
            for pair in google.pairs where !FileManager.default.isReadableFile(atPath: pair.listing(in: bundle)) {
                throw WorkflowError(.notFound, "CLINIC_GOOGLE_LOCATIONS names \(pair.location), which the bundle has no listing for")
            }
            guard FileManager.default.isReadableFile(atPath: tokenFile) else {
                throw WorkflowError(.notFound, "cannot read CLINIC_GOOGLE_TOKEN_FILE (\(tokenFile))")
            }
            // The sending happens in clinicctl-webhook (see WebhookProgram): only it loads the networking libraries.
            try WebhookProgram.replaceProcess(arguments: ["google-business-profile"] + google.arguments)
        }

        /// `path` against the command's folder, so the program it hands over to reads the same files.
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path, relativeTo: CommandContext.current.currentDirectory).standardizedFileURL.path
        }
    }
}
