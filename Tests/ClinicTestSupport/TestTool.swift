import Foundation

/// Runs a tool a test needs (openssl, htpasswd, apache2) to its end; its error output
/// becomes the failure when it exits non-zero.
func runTestTool(_ path: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    let text = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw TestServerFailure("\(path) \(arguments.joined(separator: " ")) failed: \(String(decoding: text, as: UTF8.self))")
    }
}
