import ClinicContent
import ClinicWorkflow
import Foundation
import Testing

@testable import ClinicExport

/// The package's root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A fresh folder for one test, removed when it ends.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("clinicexport-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url.resolvingSymlinksInPath())
}

struct RunResult {
    var status: Int32
    var output: String
}

/// Runs a program (a test witness: git, python3, sh) and returns its exit status and stdout+stderr.
@discardableResult
func run(
    _ program: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
    input: String? = nil
) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    process.currentDirectoryURL = directory
    if let environment { process.environment = environment }
    let output = Pipe()
    let stdin = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
}

/// Runs a Python script with `arguments` as sys.argv[1:]; its exit status and output.
func python(_ script: String, _ arguments: [String] = []) throws -> RunResult {
    try run("python3", ["-c", script] + arguments)
}

/// Git with a fixed identity and no user or system config.
@discardableResult
func git(_ arguments: [String], in directory: URL) throws -> String {
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    let result = try run(
        "git", ["-c", "user.name=T", "-c", "user.email=t@example.com"] + arguments,
        in: directory, environment: environment)
    #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.output)")
    return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// A content repository made with the git program: the project's content/
/// and clinicctl.yaml, plus `files` (paths under hooks/ become executable, but *.md and *.disabled).
func makeRepository(at root: URL, files: [String: String] = [:]) throws -> URL {
    let fm = FileManager.default
    let repo = root.appendingPathComponent("repo")
    try fm.createDirectory(at: repo, withIntermediateDirectories: true)
    try git(["init", "-q", "-b", "main"], in: repo)
    try git(["config", "clinicctl.publishedBranch", "main"], in: repo)
    try fm.copyItem(at: packageRoot.appendingPathComponent("content"), to: repo.appendingPathComponent("content"))
    try fm.copyItem(at: packageRoot.appendingPathComponent("clinicctl.yaml"), to: repo.appendingPathComponent("clinicctl.yaml"))
    try commitFiles(files, in: repo, message: "Initial content")
    return repo
}

/// Writes `files` into the working tree and commits everything; returns the commit id.
@discardableResult
func commitFiles(_ files: [String: String], in repo: URL, message: String) throws -> Revision {
    try writeFiles(files, in: repo)
    try git(["add", "-A"], in: repo)
    try git(["commit", "-q", "-m", message], in: repo)
    return try #require(Revision(hex: try git(["rev-parse", "HEAD"], in: repo)))
}

func writeFiles(_ files: [String: String], in repo: URL) throws {
    for (path, text) in files {
        let url = repo.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        if path.hasPrefix("hooks/") && !path.hasSuffix(".md") && !path.hasSuffix(".disabled") {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
    }
}

func openRepository(_ url: URL) throws -> ContentRepository {
    try ContentRepository.open(url.path)
}

/// The project's own content, read from the working tree.
func realContent() throws -> SiteContent {
    let loaded = try ContentLoader().load(from: FolderSource(root: packageRoot))
    #expect(loaded.findings.errors.isEmpty, "\(loaded.findings.errors)")
    return loaded.content
}

let fixedSource = BundleSource(revision: String(repeating: "ab", count: 20), generatedAt: Date(timeIntervalSince1970: 1_767_225_600))

/// Parses a JSON document's bytes into an object.
func parseJSON(_ data: Data?) throws -> [String: Any] {
    let bytes = try #require(data)
    return try #require(JSONSerialization.jsonObject(with: bytes) as? [String: Any])
}

/// Writes `files` into `directory/name` and returns that folder.
func writeBundle(_ files: BundleFiles, in directory: URL, name: String = "bundle") throws -> URL {
    let target = directory.appendingPathComponent(name)
    try BundleWriter.write(files, to: target)
    return target
}

/// Every file under `folder`, as paths relative to it (`listings/glenview/opening_hours.txt`), sorted.
func filePaths(in folder: URL) throws -> [String] {
    let root = folder.resolvingSymlinksInPath().path + "/"
    let found = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    var paths: [String] = []
    while let url = found?.nextObject() as? URL {
        guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
        paths.append(String(url.resolvingSymlinksInPath().path.dropFirst(root.count)))
    }
    return paths.sorted()
}

/// The listing files of a bundle for `locations`, in the order the bundle lists them.
func listingNames(_ locations: [String]) -> [String] {
    locations.sorted().flatMap { id in ListingFormat.allCases.map { Listings.path(id, $0) } }
}
