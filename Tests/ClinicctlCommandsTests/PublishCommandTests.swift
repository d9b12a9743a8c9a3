import Testing

extension CommandCase {
    static let publishing: [CommandCase] = [
        .init(
            command: "export", arguments: ["export", "--out", "{root}/out"], says: ["Exported main (", "bundle.json", "bundle.schema.json"]),
        .init(
            command: "export", arguments: ["export", "--rev", "nothing-here", "--out", "{root}/out"], status: 1, warns: ["nothing-here"]),
        .init(
            command: "export", arguments: ["export", "--rev", "main", "--worktree"], status: 64, warns: ["--rev", "--worktree"],
            parses: false),
        .init(
            command: "schema", arguments: ["schema"],
            says: ["\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"", "urn:clinicctl:bundle-schema"]),
        .init(command: "publish", arguments: ["publish"], says: ["has no deploy hooks; only the bundle was exported", "Deployed "]),
        .init(command: "publish", arguments: ["publish", "--rev", "nothing-here"], status: 1, warns: ["nothing-here"]),
        .init(command: "publish", arguments: ["publish", "--timeout", "0"], status: 64, warns: ["--timeout must be"], parses: false),
        .init(
            command: "hooks install", arguments: ["hooks", "install"], says: ["Copied no hooks from main"],
            warns: ["no executable hooks/pre-commit"]),
        .init(
            command: "hooks install", arguments: ["hooks", "install", "--webroot", "/srv/www"], status: 64,
            warns: ["--webroot belongs to --server"],
            parses: false),
        .init(command: "hooks post-receive", arguments: ["hooks", "post-receive", "--repo", "{root}/repo"], stdin: ""),
        .init(command: "hooks pre-receive", arguments: ["hooks", "pre-receive"]),
        .init(
            command: "deploy webhook",
            arguments: [
                "deploy", "webhook", "--url", "http://127.0.0.1:9/hook", "--secret-env", "HOOK_SECRET", "--file", "{root}/bundle.json",
            ]),
        // Only refusals run in-process: a configuration that passes hands the process over to clinicctl-webhook
        // (GoogleHookTests in ClinicExportTests runs that, against a stand-in for Google on loopback).
        .init(
            command: "deploy google-business-profile", arguments: ["deploy", "google-business-profile"], status: 77,
            says: ["skipped: CLINIC_GOOGLE_LOCATIONS is not set"]),
        .init(
            command: "deploy google-business-profile", arguments: ["deploy", "google-business-profile"], status: 1,
            warns: ["CLINIC_GOOGLE_TOKEN_FILE is not set"], variables: ["CLINIC_GOOGLE_LOCATIONS": "glenview=locations/1"]),
        .init(
            command: "deploy google-business-profile", arguments: ["deploy", "google-business-profile"], status: 1,
            warns: ["'glenview=locations/1?x=y' is not <location-id>=locations/<number>"],
            variables: ["CLINIC_GOOGLE_LOCATIONS": "glenview=locations/1?x=y", "CLINIC_GOOGLE_TOKEN_FILE": "{root}/token"]),
        .init(
            command: "deploy google-business-profile", arguments: ["deploy", "google-business-profile"], status: 1,
            warns: ["CLINIC_GOOGLE_API: ftp://127.0.0.1/v1 is not an http(s) URL"],
            variables: [
                "CLINIC_GOOGLE_LOCATIONS": "glenview=locations/1", "CLINIC_GOOGLE_TOKEN_FILE": "{root}/token",
                "CLINICCTL_BUNDLE_DIR": "{root}", "CLINIC_GOOGLE_API": "ftp://127.0.0.1/v1",
            ]),
        .init(
            command: "deploy google-business-profile", arguments: ["deploy", "google-business-profile"], status: 1,
            warns: ["CLINIC_GOOGLE_LOCATIONS names nowhere, which the bundle has no listing for"],
            variables: [
                "CLINIC_GOOGLE_LOCATIONS": "nowhere=locations/1", "CLINIC_GOOGLE_TOKEN_FILE": "{root}/token",
                "CLINICCTL_BUNDLE_DIR": "{root}",
            ]),
    ]
}

@Suite struct PublishCommandTests {
    @Test(arguments: CommandCase.publishing.filter { !CoverageTests.parsedOnly.contains($0.command) })
    func runs(_ testCase: CommandCase) throws { try testCase.check() }
}
