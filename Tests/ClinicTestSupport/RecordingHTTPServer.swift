import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An HTTP server on a loopback address that writes down every request it gets
/// (Servers/recording_http.py): one that redirects every request elsewhere, one that asks
/// for Basic credentials, or a webhook receiver that checks signatures. Tests read what it
/// received, Authorization headers included.
/// Stopped when the value is released.
public final class RecordingHTTPServer: @unchecked Sendable {
    /// One request as the server received it.
    public struct Request: Decodable, Sendable, Equatable {
        public let method: String
        public let path: String
        /// The Authorization header, nil when the request had none.
        public let authorization: String?
        /// For a receiver checking signatures: the X-Clinicctl-Event header, the signature
        /// header, the body as received, and whether the signature held.
        public let event: String?
        public let signature: String?
        public let body: String?
        public let verified: Bool?
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Servers/recording_http.py")
    public static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") }

    /// The loopback address it listens on ("127.0.0.1", "127.0.0.2").
    public let address: String
    public let port: Int
    private let log: URL
    private let process: Process

    /// Answers every request with 302 to `location` + the request's path and query; with
    /// `askingFirst`, a request without credentials first gets 401 (a server that takes the
    /// token, then sends its client elsewhere).
    public static func redirecting(
        to location: String, askingFirst: Bool = false, address: String = "127.0.0.1", in folder: URL
    ) throws -> RecordingHTTPServer {
        try RecordingHTTPServer(address: address, mode: ["redirect", location] + (askingFirst ? ["ask-first"] : []), in: folder)
    }

    /// Answers every request with 401 asking for Basic credentials, and keeps what it is sent.
    public static func asking(address: String = "127.0.0.1", in folder: URL) throws -> RecordingHTTPServer {
        try RecordingHTTPServer(address: address, mode: ["ask"], in: folder)
    }

    /// A webhook receiver: checks each POST's `X-Clinicctl-Signature-256` against the HMAC-SHA256
    /// of its body keyed with `secret`, answers 204 when it holds and 401 otherwise, and keeps each.
    public static func checkingSignatures(secret: String, address: String = "127.0.0.1", in folder: URL) throws -> RecordingHTTPServer {
        try RecordingHTTPServer(address: address, mode: ["webhook", secret], in: folder)
    }

    private init(address: String, mode: [String], in folder: URL) throws {
        self.address = address
        port = try freeLoopbackPort()
        log = folder.appendingPathComponent("requests-\(address)-\(port).jsonl")
        _ = FileManager.default.createFile(atPath: log.path, contents: Data())
        process = Process()
        // Python itself, not a wrapper that would outlive a kill.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.script.path, address, "\(port)", log.path] + mode
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        do { try waitForListener(port: port, host: address) } catch {
            stop()
            throw error
        }
    }

    /// `http://address:port`, without a path.
    public var url: String { "http://\(address):\(port)" }

    /// Every request received so far, in order.
    public var requests: [Request] {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }

    /// The `user:password` of every Basic Authorization header received, decoded.
    public var receivedCredentials: [String] {
        requests.compactMap { request in
            guard let header = request.authorization else { return nil }
            guard header.hasPrefix("Basic "), let data = Data(base64Encoded: String(header.dropFirst(6))) else { return header }
            return String(decoding: data, as: UTF8.self)
        }
    }

    public func stop() {
        guard process.isRunning else { return }
        // SIGKILL: the test process's blocked signals are inherited, so SIGTERM may never arrive.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }
}
