/// A US postal address, the suite on its own line.
public struct PostalAddress: Hashable, Sendable {
    /// Street lines, first the street, then suite or floor.
    public var street: [String]
    public var city: String
    /// Two-letter USPS code (`IL`).
    public var state: String
    /// `60603` or `60603-1234`.
    public var zip: String
    /// ISO 3166-1 alpha-2 country code.
    public var country: String

    public init(street: [String], city: String, state: String, zip: String, country: String = "US") {
        self.street = street
        self.city = city
        self.state = state
        self.zip = zip
        self.country = country
    }
}

public struct Coordinates: Hashable, Sendable {
    public var latitude: Double
    public var longitude: Double
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// One of the clinic's places of practice (`content/locations/<id>.yaml`).
public struct Location: Hashable, Sendable, Identifiable {
    public enum Status: String, CaseIterable, Sendable {
        case open
        case temporarilyClosed = "temporarily-closed"
        case permanentlyClosed = "permanently-closed"
    }

    public var id: String
    public var label: LocalizedText
    public var address: PostalAddress
    public var coordinates: Coordinates?
    /// The location's own number, when it differs from the clinic's.
    public var phone: PhoneNumber?
    public var status: Status

    public init(
        id: String, label: LocalizedText, address: PostalAddress, coordinates: Coordinates? = nil,
        phone: PhoneNumber? = nil, status: Status = .open
    ) {
        self.id = id
        self.label = label
        self.address = address
        self.coordinates = coordinates
        self.phone = phone
        self.status = status
    }
}
