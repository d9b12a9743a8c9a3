import Testing

extension CommandCase {
    static let content: [CommandCase] = [
        .init(
            command: "init", arguments: ["init", "{root}/second", "--from", packageRoot.appendingPathComponent("content").path],
            says: ["Created content repository ", "/second (main at ", "Next:"]),
        .init(
            command: "init", arguments: ["init", "{root}/second", "--reviewer-key", "{root}/key.pub"], status: 64,
            warns: ["--reviewer-key belongs to a --reviewer"], parses: false),
        .init(command: "validate", arguments: ["validate"], warns: ["working tree: no findings"]),
        .init(
            command: "validate", arguments: ["validate", "--draft", "parking"], setup: [parkingDraft],
            warns: ["draft parking", "no findings"]),
        .init(
            command: "validate", arguments: ["validate", "--rev", "main", "--draft", "x"], status: 64, warns: ["--rev", "--draft"],
            parses: false),
        .init(
            command: "summary", arguments: ["summary"],
            says: ["Jason The PT (Jason The PT, LLC)", "FAQ entries     10", "locations       2"]),
        .init(command: "rules", arguments: ["rules"], says: ["file.unexpected", "text.encoding"]),
        .init(
            command: "preview", arguments: ["preview", "--rev", "main", "--out", "{root}/preview"],
            says: ["Preview written to", "index.html"]),
        .init(
            command: "preview", arguments: ["preview", "--rev", "main", "--worktree", "--out", "{root}/preview"], status: 64,
            warns: ["give one of DRAFT, --rev or --worktree"], parses: false),
    ]
}

@Suite struct ContentCommandTests {
    @Test(arguments: CommandCase.content) func runs(_ testCase: CommandCase) throws { try testCase.check() }
}
