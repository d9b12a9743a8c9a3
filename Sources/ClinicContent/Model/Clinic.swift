/// A telephone number as the clinic publishes it.
public struct PhoneNumber: Hashable, Sendable {
    /// What a phone can do with the number.
    public enum Capability: String, CaseIterable, Sendable, Comparable {
        case voice, sms
        public static func < (a: Self, b: Self) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// The number in E.164 (`+17739999825`): what links and markup use.
    public var e164: String
    /// The number as the clinic writes it (`773.999.9825`); must dial the same number.
    public var display: String?
    public var capabilities: [Capability]

    public init(e164: String, display: String? = nil, capabilities: [Capability] = [.voice]) {
        self.e164 = e164
        self.display = display
        self.capabilities = capabilities
    }
}

/// Who holds the copyright on the site's text, and since when.
public struct Copyright: Hashable, Sendable {
    public var holder: String
    public var since: Int
    public init(holder: String, since: Int) {
        self.holder = holder
        self.since = since
    }
}

/// The practice itself: one per content repository (`content/clinic.yaml`).
public struct Clinic: Hashable, Sendable {
    public var name: LocalizedText
    public var legalName: String
    public var website: String?
    public var phone: PhoneNumber
    public var email: String?
    public var defaultLocale: String
    /// An IANA time zone id (`America/Chicago`), never a UTC offset.
    public var timeZone: String
    public var copyright: Copyright?
    /// schema.org business types, most specific first.
    public var businessTypes: [String]

    public static let defaultBusinessTypes = ["Physiotherapy", "MedicalClinic"]

    public init(
        name: LocalizedText, legalName: String, website: String? = nil, phone: PhoneNumber,
        email: String? = nil, defaultLocale: String = "en", timeZone: String,
        copyright: Copyright? = nil, businessTypes: [String] = Clinic.defaultBusinessTypes
    ) {
        self.name = name
        self.legalName = legalName
        self.website = website
        self.phone = phone
        self.email = email
        self.defaultLocale = defaultLocale
        self.timeZone = timeZone
        self.copyright = copyright
        self.businessTypes = businessTypes
    }
}
