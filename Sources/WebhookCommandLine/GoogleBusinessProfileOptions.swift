import ArgumentParser
import Foundation

/// What `clinicctl deploy google-business-profile` hands to `clinicctl-webhook google-business-profile`:
/// clinicctl reads and checks the hook's environment, the program that links FoundationNetworking sends.
/// The token travels as the name of its file, never as an argument (which `ps` would show).
public struct GoogleBusinessProfileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The Business Information API's base address.", valueName: "url"))
    public var api = GoogleLocation.defaultAPI
    @Option(help: ArgumentHelp("The file holding the OAuth 2 access token (read, never printed).", valueName: "path"))
    public var tokenFile: String
    @Option(help: ArgumentHelp("The published bundle (its listings/<location>/google-business-profile.json).", valueName: "path"))
    public var bundle: String
    @Option(help: ArgumentHelp("Where the SHA-256 of each body last sent is kept.", valueName: "path"))
    public var state: String
    @Argument(help: ArgumentHelp("Which location is which Google resource.", valueName: "location=locations/number"))
    public var locations: [String] = []

    public init() {}

    public init(api: String, tokenFile: String, bundle: String, state: String, locations: [String]) {
        self.api = api
        self.tokenFile = tokenFile
        self.bundle = bundle
        self.state = state
        self.locations = locations
    }

    public func validate() throws {
        guard GoogleLocation.isAPI(api) else { throw ValidationError("--api \(api) is not an http(s) URL") }
        guard !locations.isEmpty else { throw ValidationError("name at least one location=locations/<number>") }
        for item in locations where GoogleLocation(item) == nil { throw ValidationError(GoogleLocation.malformed(item)) }
    }

    /// The pairs, in the order given (each checked by `validate()`).
    public var pairs: [GoogleLocation] { locations.compactMap(GoogleLocation.init) }

    /// The arguments that give these options to `clinicctl-webhook google-business-profile`.
    public var arguments: [String] {
        ["--api", api, "--token-file", tokenFile, "--bundle", bundle, "--state", state, "--"] + locations
    }
}

/// One `<location-id>=locations/<number>` of `CLINIC_GOOGLE_LOCATIONS`.
public struct GoogleLocation: Equatable, Sendable {
    public static let defaultAPI = "https://mybusinessbusinessinformation.googleapis.com/v1"

    /// The clinicctl location id: a file name in the bundle's listings/ and the state folder.
    public let location: String
    /// Google's resource name, `locations/<digits>`: nothing else can reach the request's path or query.
    public let resource: String

    public init?(_ item: String) {
        guard let equals = item.firstIndex(of: "=") else { return nil }
        let location = String(item[..<equals])
        let resource = String(item[item.index(after: equals)...])
        let number = resource.hasPrefix("locations/") ? resource.dropFirst("locations/".count) : ""
        guard !location.isEmpty, !location.contains("/"), location != ".", location != "..",
            !number.isEmpty, number.allSatisfy({ ("0"..."9").contains($0) })
        else { return nil }
        self.location = location
        self.resource = resource
    }

    /// Whether `api` can be the base address: an http(s) URL with a host, and no query or fragment to append to.
    public static func isAPI(_ api: String) -> Bool {
        guard let url = URL(string: api), ["http", "https"].contains(url.scheme?.lowercased() ?? "") else { return false }
        return url.host?.isEmpty == false && url.query == nil && url.fragment == nil
    }

    /// The error for an item that is not a pair.
    public static func malformed(_ item: String) -> String {
        "CLINIC_GOOGLE_LOCATIONS: '\(item)' is not <location-id>=locations/<number>"
    }

    /// Where the bundle keeps this location's body.
    public func listing(in bundle: String) -> String {
        (bundle as NSString).appendingPathComponent("listings/\(location)/google-business-profile.json")
    }
}
