import Foundation

/// `git` failed where a test expected it to succeed.
public struct GitWitnessFailure: Error, CustomStringConvertible {
    public let description: String
    public init(description: String) { self.description = description }
}

/// What a `git` run printed and how it ended.
public struct GitRun: Sendable {
    public let status: Int32
    public let output: Data
    public let errors: String
    public var text: String { String(decoding: output, as: UTF8.self) }
}

/// Runs the `git` program in `directory` as an independent witness of what the library
/// wrote (the product itself never runs git). System and global settings are kept out, and
/// every `GIT_` variable, so the host's configuration cannot change what it reads; `settings`
/// go first as `-c` options.
public func runGitWitness(_ arguments: [String], in directory: URL, input: String? = nil, settings: [String] = []) throws -> GitRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + settings.flatMap { ["-c", $0] } + arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    let stdin = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return GitRun(status: process.terminationStatus, output: outputData, errors: String(decoding: errorData, as: UTF8.self))
}

/// `runGitWitness`'s output without its last newline; throws when git fails.
public func gitWitness(_ arguments: [String], in directory: URL, input: String? = nil, settings: [String] = []) throws -> String {
    let run = try runGitWitness(arguments, in: directory, input: input, settings: settings)
    guard run.status == 0 else {
        throw GitWitnessFailure(description: "git \(arguments.joined(separator: " ")) exited \(run.status): \(run.errors)")
    }
    var text = run.text
    if text.hasSuffix("\n") { text.removeLast() }
    return text
}
