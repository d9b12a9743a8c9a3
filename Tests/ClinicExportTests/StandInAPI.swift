import Foundation
import Testing

/// Runs a stand-in HTTP API (a Python `script` given the request log and how many requests
/// to answer), waits for the port it prints, and gives it to `body`; stopped afterwards.
func withStandInAPI(_ script: String, log: URL, requests: Int, _ body: (Int) throws -> Void) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, log.path, "\(requests)"]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    defer { if process.isRunning { process.terminate() } }
    var text = ""
    while !text.contains("\n") {
        let data = out.fileHandleForReading.availableData
        if data.isEmpty { break }
        text += String(decoding: data, as: UTF8.self)
    }
    let port = try #require(Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), "server: \(text)")
    try body(port)
}
