import ClinicContent
import ClinicWorkflow
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a command reads from and writes to the world outside it: the clock, the
/// environment and identity (`WorkEnvironment`), the current folder, standard
/// output, error and input, and the repositories it opened.
///
/// The program runs every command with `CommandContext.process()`; a test runs a
/// command in-process with its own (`Clinicctl.run(_:in:)`), so no command touches
/// `print`, `ProcessInfo`, `Date()` or the current folder directly: `print` and
/// `readLine` in this module are the context's (see `ContextStreams.swift`).
public struct CommandContext: Sendable {
    /// The time, the variables and where notices go; notices and warnings go to `standardError`.
    public var environment: WorkEnvironment
    /// Where relative paths and the repository "around the current folder" start.
    public var currentDirectory: URL
    /// Standard output: every `print` of a command.
    public var standardOutput: @Sendable (Data) -> Void
    /// Standard error: notes, warnings, errors and prompts.
    public var standardError: @Sendable (Data) -> Void
    /// Standard input, a line at a time (without its newline); nil at its end.
    public var readLine: @Sendable () -> String?
    /// All of standard input that is left (`--answer-file -`).
    public var readInput: @Sendable () -> Data
    /// Whether a person is at a terminal to answer questions (not in CI).
    public var isInteractive: Bool
    /// The repositories this run opened, kept until it ends (`OpenRepositories`).
    var opened = OpenRepositories()

    public init(
        environment: WorkEnvironment, currentDirectory: URL,
        standardOutput: @escaping @Sendable (Data) -> Void, standardError: @escaping @Sendable (Data) -> Void,
        readLine: @escaping @Sendable () -> String? = { nil }, readInput: @escaping @Sendable () -> Data = { Data() },
        isInteractive: Bool = false
    ) {
        self.currentDirectory = currentDirectory
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.readLine = readLine
        self.readInput = readInput
        self.isInteractive = isInteractive
        var environment = environment
        environment.notice = { standardError(Data("note: \($0)\n".utf8)) }
        environment.warning = { standardError(Data("warning: \($0)\n".utf8)) }
        self.environment = environment
    }

    /// The process's own: its environment, clock, folder and standard streams.
    public static func process() -> CommandContext {
        let environment = WorkEnvironment()
        return CommandContext(
            environment: environment, currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            standardOutput: { data in
                // Through Swift's buffered print: a long listing is not a write per line.
                Swift.print(String(decoding: data, as: UTF8.self), terminator: "")
            },
            standardError: { data in
                fflush(nil)
                FileHandle.standardError.write(data)
            },
            readLine: { Swift.readLine() }, readInput: { FileHandle.standardInput.readDataToEndOfFile() },
            isInteractive: isatty(STDIN_FILENO) == 1 && environment.variables["CI"] == nil)
    }

    /// The context of the command being run.
    @TaskLocal public static var current = CommandContext.process()

    /// A path the person gave, relative to `currentDirectory` unless absolute.
    func path(_ given: String) -> String {
        given.hasPrefix("/") ? given : currentDirectory.appendingPathComponent(given).standardizedFileURL.path
    }

    /// The repository at `path`, or the one around `currentDirectory`; kept until the run ends.
    func openRepository(_ path: String?) throws -> ContentRepository {
        let repository = try ContentRepository.open(
            path.map(self.path) ?? currentDirectory.path, discover: path == nil, environment: environment)
        opened.keep(repository)
        return repository
    }

    /// The value of an environment variable, nil when unset or empty.
    func variable(_ name: String) -> String? { environment.variables[name].flatMap { $0.isEmpty ? nil : $0 } }
}
