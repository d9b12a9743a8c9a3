/// A social network the clinic has a profile on.
public enum SocialNetwork: String, CaseIterable, Sendable {
    case tiktok, x, linkedin, instagram, facebook, youtube, other

    /// The network a person typed: any case (`Facebook`), and `twitter` for `x`.
    public init?(typed: String) {
        let name = typed.lowercased()
        self.init(rawValue: name == "twitter" ? "x" : name)
    }

    /// Hosts a profile URL on this network may use; empty for `other`.
    public var hosts: [String] {
        switch self {
        case .tiktok: ["tiktok.com", "www.tiktok.com"]
        case .x: ["x.com", "www.x.com", "twitter.com", "www.twitter.com"]
        case .linkedin: ["linkedin.com", "www.linkedin.com"]
        case .instagram: ["instagram.com", "www.instagram.com"]
        case .facebook: ["facebook.com", "www.facebook.com", "m.facebook.com"]
        case .youtube: ["youtube.com", "www.youtube.com", "m.youtube.com"]
        case .other: []
        }
    }

    /// The name people know the network by.
    public var displayName: String {
        switch self {
        case .tiktok: "TikTok"
        case .x: "X (Twitter)"
        case .linkedin: "LinkedIn"
        case .instagram: "Instagram"
        case .facebook: "Facebook"
        case .youtube: "YouTube"
        case .other: "Other"
        }
    }
}

/// A link to one of the clinic's social profiles (`content/social.yaml`).
public struct SocialLink: Hashable, Sendable {
    public var network: SocialNetwork
    public var url: String
    public var handle: String?

    public init(network: SocialNetwork, url: String, handle: String? = nil) {
        self.network = network
        self.url = url
        self.handle = handle
    }
}
