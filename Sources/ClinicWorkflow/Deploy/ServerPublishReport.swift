import Foundation

/// How the server's post-receive tells the pusher that its publish failed: one line of its own,
/// always with the same start, which `review approve` and `sync` look for among the push's
/// `remote:` lines. A deploy hook's or notifier's output cannot pass for it: every line they
/// print starts with their name in brackets (`[10-webroot] …`).
public enum ServerPublishReport {
    /// The start of the line; what follows is the publish's own words.
    public static let failurePrefix = "clinicctl server: publish failed: "

    /// The line the server prints when publishing failed.
    public static func failureLine(_ words: String) -> String {
        failurePrefix + words.replacingOccurrences(of: "\n", with: " ")
    }

    /// What the server said went wrong, from its messages; nil when none says its publish failed.
    public static func failure(in messages: [String]) -> String? {
        messages.last { $0.hasPrefix(failurePrefix) }.map { String($0.dropFirst(failurePrefix.count)) }
    }
}
