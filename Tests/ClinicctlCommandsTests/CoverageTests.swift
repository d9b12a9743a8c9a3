import ClinicctlCommands
import Testing

/// Every command has in-process cases: a new command without one fails here.
@Suite struct CoverageTests {
    /// Commands whose run replaces or needs the process itself, so only their parsing is
    /// tested in-process; the subprocess suites run them (ClinicctlTests).
    static let parsedOnly: Set<String> = ["deploy webhook", "hooks pre-receive"]

    @Test func everyCommandHasACase() {
        let covered = Set(CommandCase.all.map(\.command))
        let missing = leafCommands().filter { !covered.contains($0) }
        #expect(missing.isEmpty, "commands without an in-process case: \(missing)")
    }

    @Test func everyCaseNamesARealCommand() {
        let commands = Set(leafCommands())
        for unknown in CommandCase.all.map(\.command) where !commands.contains(unknown) {
            Issue.record("a case names \(unknown), which is not a command")
        }
    }

    @Test(arguments: CommandCase.all)
    func argumentsParseAsTheirCommand(_ testCase: CommandCase) throws {
        if testCase.parses {
            #expect(try testCase.parsedCommand() == testCase.command)
        } else {
            #expect(throws: (any Error).self) { try testCase.parsedCommand() }
        }
    }
}
