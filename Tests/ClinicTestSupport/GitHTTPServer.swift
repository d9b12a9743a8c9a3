import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Smart HTTP or HTTPS on a free loopback port (Servers/git_http.py): `git http-backend` behind
/// Basic auth taking only `token` as the password, serving the bare repositories under a
/// folder, and writing down every request with the status it got, as an access log would.
/// Stopped when the value is released.
public final class GitHTTPServer: @unchecked Sendable {
    /// One request as the server logged it.
    public struct Request: Decodable, Sendable, Equatable {
        /// Which TCP connection it came on (numbered from 1 in the order they were accepted).
        public let connection: Int
        public let method: String
        public let path: String
        /// The Authorization header, nil when the request had none.
        public let authorization: String?
        public let status: Int

        /// The `user:password` of a Basic Authorization header, decoded.
        public var credentials: String? {
            guard let header = authorization, header.hasPrefix("Basic "), let data = Data(base64Encoded: String(header.dropFirst(6)))
            else { return authorization }
            return String(decoding: data, as: UTF8.self)
        }

        /// What Apache logs as a failed login (AH01617 or AH01618), the lines fail2ban counts:
        /// credentials were sent, and refused.
        public var failedLogin: Bool { authorization != nil && status == 401 }
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Servers/git_http.py")
    static let backend = "/usr/lib/git-core/git-http-backend"
    public static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") && FileManager.default.isExecutableFile(atPath: backend)
    }

    public let port: Int
    public let scheme: String
    private let log: URL
    private let process: Process

    /// Serves `base`; over TLS with `authority`'s server certificate when given. With
    /// `closingUnauthorized`, a 401 ends with the connection (`Connection: close`, a body, no
    /// Content-Length) instead of an empty body of known length.
    public init(
        serving base: URL, token: String, authority: TestCertificateAuthority? = nil, closingUnauthorized: Bool = false,
        logIn folder: URL
    ) throws {
        port = try freeLoopbackPort()
        scheme = authority == nil ? "http" : "https"
        log = folder.appendingPathComponent("git-http-\(port).jsonl")
        _ = FileManager.default.createFile(atPath: log.path, contents: Data())
        process = Process()
        // Python itself, not a wrapper that would outlive a kill.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        var arguments = [Self.script.path, "\(port)", base.path, token, log.path, "--backend", Self.backend]
        if let authority { arguments += ["--tls", authority.serverCertificate.path, authority.serverKey.path] }
        if closingUnauthorized { arguments.append("--close-401") }
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        do { try waitForListener(port: port) } catch {
            stop()
            throw error
        }
    }

    /// The address of the repository `name` under the served folder, with `user` written in it.
    public func url(_ name: String, user: String? = nil) -> String {
        "\(scheme)://\(user.map { "\($0)@" } ?? "")127.0.0.1:\(port)/\(name)"
    }

    /// Every request received so far, in order.
    public var requests: [Request] {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }

    public func stop() {
        guard process.isRunning else { return }
        // SIGKILL: the test process's blocked signals are inherited, so SIGTERM may never arrive.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }
}
