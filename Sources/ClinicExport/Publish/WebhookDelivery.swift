import Crypto
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// POSTs a file to a URL, signed as GitHub signs its webhooks: the header
/// `X-Clinicctl-Signature-256: sha256=<hex HMAC-SHA256 of the body>` keyed
/// with a shared secret, so the receiver can check the body came from us.
public struct WebhookDelivery: Sendable {
    public static let signatureHeader = "X-Clinicctl-Signature-256"

    public var url: URL
    public var secret: String
    public var timeout: TimeInterval

    public init(url: URL, secret: String, timeout: TimeInterval = 30) {
        self.url = url
        self.secret = secret
        self.timeout = timeout
    }

    /// `sha256=` and the hex HMAC-SHA256 of `body` keyed with `secret`.
    public static func signature(of body: Data, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    /// Sends `body`; returns the HTTP status. Throws `WebhookError` for a
    /// non-2xx answer or when no answer came.
    @discardableResult
    public func send(_ body: Data, event: String = "publish") throws -> Int {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("clinicctl", forHTTPHeaderField: "User-Agent")
        request.setValue(event, forHTTPHeaderField: "X-Clinicctl-Event")
        request.setValue(Self.signature(of: body, secret: secret), forHTTPHeaderField: Self.signatureHeader)

        let box = ResponseBox()
        let done = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            box.set(status: (response as? HTTPURLResponse)?.statusCode, body: data, error: error)
            done.signal()
        }
        task.resume()
        done.wait()
        let (status, answer, failure) = box.get()
        guard let status else {
            throw WebhookError(url: url.absoluteString, status: nil, message: failure?.localizedDescription ?? "no answer")
        }
        guard (200..<300).contains(status) else {
            let text = answer.flatMap { String(data: $0.prefix(200), encoding: .utf8) } ?? ""
            throw WebhookError(url: url.absoluteString, status: status, message: text)
        }
        return status
    }
}

/// The webhook was not accepted.
public struct WebhookError: Error, Equatable, Sendable, LocalizedError, CustomStringConvertible {
    public let url: String
    /// The HTTP status, nil when no answer came.
    public let status: Int?
    public let message: String
    public var description: String {
        if let status { return "the webhook at \(url) answered HTTP \(status)\(message.isEmpty ? "" : ": \(message)")" }
        return "the webhook at \(url) could not be reached: \(message)"
    }
    public var errorDescription: String? { description }
}

/// Carries the answer out of URLSession's callback queue.
final class ResponseBox: @unchecked Sendable {
    private let lock = NSLock()
    private var status: Int?
    private var body: Data?
    private var error: (any Error)?

    func set(status: Int?, body: Data?, error: (any Error)?) {
        lock.lock()
        defer { lock.unlock() }
        (self.status, self.body, self.error) = (status, body, error)
    }

    func get() -> (Int?, Data?, (any Error)?) {
        lock.lock()
        defer { lock.unlock() }
        return (status, body, error)
    }
}
