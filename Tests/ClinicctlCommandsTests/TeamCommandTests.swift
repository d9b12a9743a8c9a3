import Testing

extension CommandCase {
    static let team: [CommandCase] = [
        .init(
            command: "config", arguments: ["config"],
            says: ["Saved identity: none", "Acting as:      Olivia Office <office@clinic.example> (from CLINICCTL_AUTHOR)"]),
        .init(
            command: "config", arguments: ["config", "--as", "Olivia Office <office@clinic.example>"],
            says: ["Saved: clinicctl acts as Olivia Office <office@clinic.example> in this repository"]),
        .init(command: "config", arguments: ["config", "--as", "Olivia"], status: 64, warns: ["is not of the form"], parses: false),
        .init(
            command: "reviewers list", arguments: ["reviewers", "list"],
            says: ["Signed approvals not required.", "Rita Reviewer <rita@clinic.example>"]),
        .init(
            command: "reviewers add", arguments: ["reviewers", "add", "Sam Second <sam@clinic.example>"],
            says: ["Opened draft reviewers", "reviewer added: Sam Second <sam@clinic.example>"]),
        .init(
            command: "reviewers add", arguments: ["reviewers", "add", "Sam", "--draft", "a", "--draft-name", "b"], status: 64,
            warns: ["error: "],
            parses: false),
        .init(
            command: "reviewers remove", arguments: ["reviewers", "remove", "Rita Reviewer <rita@clinic.example>"], status: 1,
            warns: ["the only reviewer"]),
        .init(
            command: "reviewers remove", arguments: ["reviewers", "remove", "Rita Reviewer <rita@clinic.example>", "--draft", "reviewers"],
            setup: [["reviewers", "add", "Sam Second <sam@clinic.example>"]], says: ["Added to draft reviewers"]),
        .init(command: "reviewers allowed-signers", arguments: ["reviewers", "allowed-signers"]),
        .init(command: "verify", arguments: ["verify"], says: ["No approvals to check."]),
        .init(
            command: "verify", arguments: ["verify"], setup: [parkingDraft, approveParking],
            says: ["ok   unsigned: approved by Rita Reviewer <rita@clinic.example>"]),
        .init(
            command: "clone", arguments: ["clone", "{root}/repo", "{root}/copy"],
            says: ["Copied the clinic's repository into ", "/copy, on main."], warns: ["is a folder on this computer, not a server"]),
        .init(command: "clone", arguments: ["clone", "{root}/nowhere", "{root}/copy"], status: 1, warns: ["error: "]),
        .init(command: "sync", arguments: ["sync"], status: 1, warns: ["error: "]),
    ]
}

@Suite struct TeamCommandTests {
    @Test(arguments: CommandCase.team) func runs(_ testCase: CommandCase) throws { try testCase.check() }

    /// A clone made in-process, then synced in it: the copy is up to date with its origin.
    @Test func syncInAClone() throws {
        let sandbox = try CommandSandbox()
        try sandbox.succeed(["clone", sandbox.repo.path, sandbox.root.appendingPathComponent("copy").path])
        let synced = sandbox.run(["sync"], in: sandbox.root.appendingPathComponent("copy"))
        #expect(synced.status == 0, "\(synced)")
        #expect(synced.stdout.contains("Everything is up to date with origin."), "\(synced)")
    }
}
