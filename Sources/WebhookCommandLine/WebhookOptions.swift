import ArgumentParser
import Foundation

/// The options of a signed webhook POST, shared by `clinicctl deploy webhook` (which checks them,
/// then hands over) and `clinicctl-webhook` (which sends): one definition, one check.
public struct WebhookOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Where to POST.", valueName: "url"))
    public var url: String
    @Option(help: ArgumentHelp("The environment variable holding the shared secret (never the secret itself).", valueName: "name"))
    public var secretEnv: String
    @Option(help: ArgumentHelp("The file to send as the body.", valueName: "path"))
    public var file: String
    @Option(help: ArgumentHelp("What the body tells of, sent as the X-Clinicctl-Event header.", valueName: "name"))
    public var event = WebhookEvent.defaultName

    public init() {}

    public func validate() throws {
        guard let target = URL(string: url), ["http", "https"].contains(target.scheme?.lowercased() ?? "") else {
            throw ValidationError("--url \(url) is not an http(s) URL")
        }
        guard WebhookEvent.isName(event) else {
            throw ValidationError("--event \(event) is not an event name (letters, digits, '.', '_' and '-')")
        }
    }

    /// The arguments that give these options to `clinicctl-webhook`. The default event is not
    /// passed on, so a deploy webhook runs the same with a clinicctl-webhook that predates --event.
    public var arguments: [String] {
        ["--url", url, "--secret-env", secretEnv, "--file", file] + (event == WebhookEvent.defaultName ? [] : ["--event", event])
    }
}

/// What a webhook's `X-Clinicctl-Event` header may say.
public enum WebhookEvent {
    public static let defaultName = "publish"

    /// One word of at most 64 ASCII letters, digits, `.`, `_` and `-`: nothing can be added to the request through it.
    public static func isName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
            }
    }
}
