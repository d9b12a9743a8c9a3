import ClinicGit
import Foundation
import Testing

/// `git` failed where a test expected it to succeed.
struct GitWitnessFailure: Error, CustomStringConvertible {
    let description: String
}

/// What a `git` run printed and how it ended.
struct GitRun {
    let status: Int32
    let output: Data
    let errors: String
    var text: String { String(decoding: output, as: UTF8.self) }
}

/// Runs the `git` program as an independent witness of what the library wrote (the
/// product itself never runs git). System and global config are kept out so the host's
/// settings cannot change the outcome.
func runGit(_ arguments: [String], in directory: URL, input: String? = nil) throws -> GitRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
        [
            "git", "-c", "user.name=Witness", "-c", "user.email=witness@example.org",
            "-c", "init.defaultBranch=main",
        ] + arguments
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
    if let input {
        stdin.fileHandleForWriting.write(Data(input.utf8))
    }
    try stdin.fileHandleForWriting.close()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return GitRun(
        status: process.terminationStatus, output: outputData,
        errors: String(decoding: errorData, as: UTF8.self))
}

/// Runs `git` and returns its output without the final newline; throws if it fails.
@discardableResult
func git(_ arguments: String..., in directory: URL, input: String? = nil) throws -> String {
    let run = try runGit(arguments, in: directory, input: input)
    guard run.status == 0 else {
        throw GitWitnessFailure(
            description: "git \(arguments.joined(separator: " ")) exited \(run.status): \(run.errors)")
    }
    var text = run.text
    if text.hasSuffix("\n") { text.removeLast() }
    return text
}

/// The object id `git` prints for `revision`.
func gitID(_ revision: String, in directory: URL) throws -> ObjectID {
    let hex = try git("rev-parse", "--verify", revision, in: directory)
    guard let id = ObjectID(hex: hex) else {
        throw GitWitnessFailure(description: "git rev-parse \(revision) printed '\(hex)'")
    }
    return id
}

/// Runs `body` with a fresh temporary directory that is removed afterwards.
func withScratch(_ body: (URL) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("clinicgit-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(directory.resolvingSymlinksInPath())
}

/// Writes a file below `directory`, creating parent directories.
func writeFile(_ path: String, _ text: String, in directory: URL) throws {
    let url = directory.appendingPathComponent(path)
    try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

func readText(_ path: String, in directory: URL) throws -> String {
    String(decoding: try Data(contentsOf: directory.appendingPathComponent(path)), as: UTF8.self)
}

/// A non-bare repository built by `git` with one commit holding `files`.
func makeGitRepository(in directory: URL, files: [String: String]) throws -> ObjectID {
    try git("init", "-q", "-b", "main", in: directory)
    return try commitWithGit(files, message: "Initial content", in: directory)
}

/// Writes `files` into the working tree and commits everything with `git`.
@discardableResult
func commitWithGit(_ files: [String: String], removing: [String] = [], message: String, in directory: URL) throws -> ObjectID {
    for (path, text) in files {
        try writeFile(path, text, in: directory)
    }
    for path in removing {
        try git("rm", "-q", path, in: directory)
    }
    try git("add", "-A", in: directory)
    try git("commit", "-q", "-m", message, in: directory)
    return try gitID("HEAD", in: directory)
}

extension FileChange {
    static func text(_ path: String, _ text: String) -> FileChange {
        .write(path: path, contents: Data(text.utf8))
    }
}

extension Data {
    var text: String { String(decoding: self, as: UTF8.self) }
}

let alice = Signature(
    name: "Ana Pérez", email: "ana@clinic.example",
    time: Date(timeIntervalSince1970: 1_700_000_000), timeZoneOffsetMinutes: -300)
let bob = Signature(
    name: "Bob Reviewer", email: "bob@clinic.example",
    time: Date(timeIntervalSince1970: 1_700_003_600), timeZoneOffsetMinutes: 60)
