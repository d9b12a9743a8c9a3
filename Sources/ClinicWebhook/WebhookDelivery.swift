import Crypto
import Foundation
import WebhookCommandLine

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

    /// Whether `name` may be sent as the `X-Clinicctl-Event` header (`WebhookEvent.isName`).
    public static func isEventName(_ name: String) -> Bool { WebhookEvent.isName(name) }

    /// Sends `body`; returns the HTTP status. Throws `WebhookError` for a
    /// non-2xx answer or when no answer came.
    @discardableResult
    public func send(_ body: Data, event: String = "publish") throws -> Int {
        guard Self.isEventName(event) else {
            throw WebhookError(url: url.absoluteString, status: nil, message: "\"\(event)\" is not an event name; nothing was sent")
        }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("clinicctl", forHTTPHeaderField: "User-Agent")
        request.setValue(event, forHTTPHeaderField: "X-Clinicctl-Event")
        request.setValue(Self.signature(of: body, secret: secret), forHTTPHeaderField: Self.signatureHeader)

        // A session of its own whose delegate refuses every redirect: the signature
        // goes to the configured URL and nowhere else (URLSession would otherwise
        // follow a 307/308 to another origin with the signature header).
        let delivery = Delivery()
        let session = URLSession(configuration: .ephemeral, delegate: delivery, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: request).resume()
        delivery.done.wait()
        let (response, answer, failure) = delivery.result()
        guard let response else {
            throw WebhookError(url: url.absoluteString, status: nil, message: failure?.localizedDescription ?? "no answer")
        }
        let status = response.statusCode
        if (300..<400).contains(status) {
            let location = response.value(forHTTPHeaderField: "Location") ?? "(no Location)"
            throw WebhookError(
                url: url.absoluteString, status: status,
                message:
                    "a redirect to \(location), which is not followed: the signed request goes only to the configured URL; configure the final URL instead"
            )
        }
        guard (200..<300).contains(status) else {
            let text = String(decoding: answer.prefix(200), as: UTF8.self)
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

/// Collects the answer of one request on URLSession's queue, and refuses redirects.
final class Delivery: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var response: HTTPURLResponse?
    private var body = Data()
    private var error: (any Error)?

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        lock.withLock { self.response = response as? HTTPURLResponse }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock { body.append(data.prefix(max(0, 4096 - body.count))) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.withLock {
            self.error = error
            if response == nil { response = task.response as? HTTPURLResponse }
        }
        done.signal()
    }

    func result() -> (HTTPURLResponse?, Data, (any Error)?) {
        lock.withLock { (response, body, error) }
    }
}
