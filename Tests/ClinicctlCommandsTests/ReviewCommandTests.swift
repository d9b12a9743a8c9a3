import Testing

extension CommandCase {
    static let approveParking = ["review", "approve", "parking", "--no-publish", "--as", CommandSandbox.reviewer]

    static let reviews: [CommandCase] = [
        .init(command: "review list", arguments: ["review", "list"], says: ["Nothing waits for review."]),
        .init(
            command: "review list", arguments: ["review", "list"], setup: [parkingDraft], author: CommandSandbox.reviewer, says: ["parking"]
        ),
        .init(
            command: "review show", arguments: ["review", "show", "parking"], setup: [parkingDraft],
            says: ["Draft parking: FAQ: add \"Can I park?\"", "By Olivia Office <office@clinic.example>; 1 edit(s):"]),
        .init(
            command: "review show", arguments: ["review", "show", "hours-the-loop"],
            setup: [["hours", "appointment", "the-loop", "sat", "--note", "Call first"]],
            says: [
                "Listings (where Google, Apple and OpenStreetMap differ from the website):",
                "the-loop: Google and Apple leave Saturday out of the week", "OpenStreetMap gets it as unknown \"by appointment\"",
            ]),
        .init(
            command: "review show", arguments: ["review", "show", "clinic"], setup: [["clinic", "set", "--phone", "+1 773 999 9826"]],
            says: ["Draft clinic: Clinic: set phone"], lacks: ["Listings ("]),
        .init(command: "review show", arguments: ["review", "show", "nowhere"], status: 1, warns: ["nowhere"]),
        .init(command: "review show", arguments: ["review", "show", "../../HEAD"], status: 1, warns: ["../../HEAD"]),
        .init(command: "review show", arguments: ["review", "show", ""], status: 64, warns: ["error: "], parses: false),
        .init(
            command: "review approve", arguments: ["review", "approve", "parking", "--no-publish"], setup: [parkingDraft],
            author: CommandSandbox.reviewer, says: ["this is all of what you approved", "Draft parking"]),
        .init(
            command: "review approve", arguments: ["review", "approve", "parking", "--no-publish"], setup: [parkingDraft], status: 1,
            warns: ["error: "]),
        .init(
            command: "review approve", arguments: ["review", "approve", "parking", "--wait", "601"], status: 64,
            warns: ["--wait takes 0 to 600 seconds"], parses: false),
        .init(
            command: "review reject", arguments: ["review", "reject", "parking", "--reason", "We have no parking."], setup: [parkingDraft],
            author: CommandSandbox.reviewer, says: ["Rejected draft parking."]),
        .init(command: "review reject", arguments: ["review", "reject", "parking"], status: 64, warns: ["--reason"], parses: false),
    ]
}

@Suite struct ReviewCommandTests {
    @Test(arguments: CommandCase.reviews) func runs(_ testCase: CommandCase) throws { try testCase.check() }
}
