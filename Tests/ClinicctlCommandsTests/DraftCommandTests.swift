import Testing

extension CommandCase {
    static let secondEdit = ["faq", "edit", "what-is-dry-needling", "--question", "What is dry needling, exactly?", "--draft", "parking"]
    static let rejectParking = ["review", "reject", "parking", "--reason", "We have no parking.", "--as", CommandSandbox.reviewer]

    static let drafts: [CommandCase] = [
        .init(command: "drafts", arguments: ["drafts"], says: ["No open drafts."]),
        .init(command: "drafts", arguments: ["drafts"], setup: [parkingDraft], says: ["DRAFT", "parking", "FAQ: add \"Can I park?\""]),
        .init(command: "inbox", arguments: ["inbox"], says: ["Nothing waits for you (Olivia Office, an author)."]),
        .init(command: "inbox", arguments: ["inbox"], setup: [parkingDraft], author: CommandSandbox.reviewer, says: ["parking"]),
        .init(
            command: "draft note", arguments: ["draft", "note", "parking", "Please check the wording"], setup: [parkingDraft],
            says: ["Noted on draft parking", "Please check the wording"]),
        .init(command: "draft note", arguments: ["draft", "note", "nowhere", "Hello"], status: 1, warns: ["nowhere"]),
        .init(command: "draft undo", arguments: ["draft", "undo", "parking"], setup: [parkingDraft, secondEdit], says: ["parking"]),
        .init(
            command: "draft undo", arguments: ["draft", "undo", "parking"], setup: [parkingDraft], status: 1,
            warns: ["the only edit of draft parking"]),
        .init(
            command: "draft drop", arguments: ["draft", "drop", "parking", "--edit", "1"], setup: [parkingDraft, secondEdit],
            says: ["parking"]),
        .init(command: "draft drop", arguments: ["draft", "drop", "parking"], status: 64, warns: ["--edit"], parses: false),
        .init(
            command: "draft update", arguments: ["draft", "update", "parking"], setup: [parkingDraft],
            says: ["Draft parking is already up to date with main."]),
        .init(
            command: "draft update", arguments: ["draft", "update", "parking", "--edit", "--take", "draft"], status: 64, warns: ["--edit"],
            parses: false),
        .init(
            command: "draft discard", arguments: ["draft", "discard", "parking"], setup: [parkingDraft], says: ["Discarded draft parking."]),
        .init(command: "draft discard", arguments: ["draft", "discard", "nowhere"], status: 1, warns: ["nowhere"]),
        .init(
            command: "draft reopen", arguments: ["draft", "reopen", "parking"], setup: [parkingDraft, rejectParking], says: ["parking"]),
        .init(command: "draft reopen", arguments: ["draft", "reopen", "parking"], status: 1, warns: ["no draft \"parking\" was rejected"]),
    ]
}

@Suite struct DraftCommandTests {
    @Test(arguments: CommandCase.drafts) func runs(_ testCase: CommandCase) throws { try testCase.check() }
}
