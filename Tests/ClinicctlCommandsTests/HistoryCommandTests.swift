import Testing

extension CommandCase {
    static let history: [CommandCase] = [
        .init(command: "history", arguments: ["history"], says: ["Start the clinic's content repository", "drafted by Olivia Office"]),
        .init(
            command: "history", arguments: ["history"], setup: [parkingDraft, approveParking],
            says: ["2026-12-01 12:00 CST", "Approve draft parking", "approved by Rita Reviewer (unsigned)"]),
        .init(
            command: "history", arguments: ["history", "--limit", "0"], status: 64, warns: ["--limit must be at least 1"], parses: false),
        .init(
            command: "revert", arguments: ["revert", "main"], setup: [parkingDraft, approveParking],
            says: ["Opened draft revert-", "Revert \"Approve draft parking"]),
        .init(command: "revert", arguments: ["revert", "nothing-here"], status: 1, warns: ["nothing-here"]),
        .init(
            command: "status", arguments: ["status"],
            says: ["Published (main): ", "Start the clinic's content repository", "Open drafts: none", "Deployed: never"]),
        .init(command: "live", arguments: ["live"], says: ["Live: nothing was deployed yet"]),
        .init(command: "live", arguments: ["live"], setup: [["publish"]], says: ["Live: "]),
    ]
}

@Suite struct HistoryCommandTests {
    @Test(arguments: CommandCase.history) func runs(_ testCase: CommandCase) throws { try testCase.check() }
}
