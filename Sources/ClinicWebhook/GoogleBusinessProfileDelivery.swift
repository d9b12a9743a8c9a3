import Crypto
import Foundation
import WebhookCommandLine

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends a bundle's `listings/<location>/google-business-profile.json` to Google's Business
/// Information API v1 as a `locations.patch`: `PATCH <api>/<resource>?updateMask=<its updateMask>`,
/// its `location` as the body, `Authorization: Bearer <token>`. A body is sent only when it
/// changed since it was last accepted: its SHA-256 is kept in `state/<location>.sha256`.
public struct GoogleBusinessProfileDelivery: Sendable {
    public var api: String
    public var token: String
    public var state: URL
    public var timeout: TimeInterval

    public init(api: String, token: String, state: URL, timeout: TimeInterval = 30) {
        self.api = api.hasSuffix("/") ? String(api.dropLast()) : api
        self.token = token
        self.state = state
        self.timeout = timeout
    }

    /// What one location's delivery did.
    public enum Outcome: Equatable, Sendable {
        case unchanged
        case sent(mask: String, periods: Int, special: Int, status: Int)
    }

    /// Sends `file` for `pair` unless Google already has it; throws `GoogleRefusal` when it is refused or unreachable.
    public func deliver(_ pair: GoogleLocation, file: URL) throws -> Outcome {
        let data = try Data(contentsOf: file)
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let record = state.appendingPathComponent(pair.location + ".sha256")
        let stamp = "\(pair.resource) \(digest)"
        if let last = try? String(contentsOf: record, encoding: .utf8), last.trimmingCharacters(in: .whitespacesAndNewlines) == stamp {
            return .unchanged
        }
        let body = try GoogleBody(data)
        var query = CharacterSet.alphanumerics
        query.insert(charactersIn: "-._~")
        let mask = body.mask.addingPercentEncoding(withAllowedCharacters: query) ?? ""
        guard let url = URL(string: "\(api)/\(pair.resource)?updateMask=\(mask)") else {
            throw GoogleRefusal(location: pair.location, message: "cannot reach \(api): not a URL")
        }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "PATCH"
        request.httpBody = body.location
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("clinicctl", forHTTPHeaderField: "User-Agent")
        request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization")

        // Redirects are refused (see Delivery): the token goes to the configured API and nowhere else.
        let delivery = Delivery()
        let session = URLSession(configuration: .ephemeral, delegate: delivery, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: request).resume()
        delivery.done.wait()
        let (response, answer, failure) = delivery.result()
        guard let response else {
            throw GoogleRefusal(location: pair.location, message: "cannot reach \(api): \(failure?.localizedDescription ?? "no answer")")
        }
        guard (200..<300).contains(response.statusCode) else {
            let detail = Self.message(in: answer, redirect: response.value(forHTTPHeaderField: "Location"), status: response.statusCode)
            throw GoogleRefusal(
                location: pair.location, message: "Google refused PATCH \(pair.resource) (HTTP \(response.statusCode)): \(detail)")
        }
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try Data((stamp + "\n").utf8).write(to: record, options: .atomic)
        return .sent(mask: body.mask, periods: body.periods, special: body.special, status: response.statusCode)
    }

    /// Google's `error.message`, else the start of the answer as text.
    static func message(in answer: Data, redirect: String?, status: Int) -> String {
        if (300..<400).contains(status) {
            return "a redirect to \(redirect ?? "(no Location)"), which is not followed: the token goes only to the configured API"
        }
        if let object = try? JSONSerialization.jsonObject(with: answer) as? [String: Any],
            let error = object["error"] as? [String: Any], let message = error["message"] as? String
        {
            return message
        }
        return String(decoding: answer.prefix(200), as: UTF8.self)
    }
}

/// One location that Google did not take; the others are still sent.
public struct GoogleRefusal: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    public let location: String
    public let message: String
    public var description: String { "\(location): \(message)" }
    public var errorDescription: String? { description }
}
