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
    ]
}

@Suite struct PublishCommandTests {
    @Test(arguments: CommandCase.publishing.filter { !CoverageTests.parsedOnly.contains($0.command) })
    func runs(_ testCase: CommandCase) throws { try testCase.check() }
}
