import ClinicGit
import ClinicTestSupport
import Foundation
import Testing

/// Runs the `git` program as an independent witness of what the library wrote, as a fixed
/// committer on a fixed default branch.
func runGit(_ arguments: [String], in directory: URL, input: String? = nil) throws -> GitRun {
    try runGitWitness(
        arguments, in: directory, input: input,
        settings: ["user.name=Witness", "user.email=witness@example.org", "init.defaultBranch=main"])
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
