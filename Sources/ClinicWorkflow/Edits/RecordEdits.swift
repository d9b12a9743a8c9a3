import ClinicContent

/// Changes to locations, social links and the clinic's own details.
public enum LocationEdits {
    /// Address and label fields; nil leaves a field as it is.
    public struct Fields: Sendable {
        public var label: String?
        public var street: [String]?
        public var city: String?
        public var state: String?
        public var zip: String?
        public var country: String?
        public var phone: PhoneNumber?
        public var status: Location.Status?
        public var coordinates: Coordinates?
        public init(
            label: String? = nil, street: [String]? = nil, city: String? = nil, state: String? = nil, zip: String? = nil,
            country: String? = nil, phone: PhoneNumber? = nil, status: Location.Status? = nil, coordinates: Coordinates? = nil
        ) {
            self.label = label
            self.street = street
            self.city = city
            self.state = state
            self.zip = zip
            self.country = country
            self.phone = phone
            self.status = status
            self.coordinates = coordinates
        }
    }

    public static func add(_ id: String, _ f: Fields) throws -> ContentEdit {
        try WorkflowError.checkNewID(id, of: "a location's")
        guard let label = f.label, let street = f.street, !street.isEmpty, let city = f.city, let state = f.state, let zip = f.zip else {
            let missing = [
                ("--label", f.label == nil), ("--street", f.street?.isEmpty ?? true), ("--city", f.city == nil),
                ("--state", f.state == nil), ("--zip", f.zip == nil),
            ].filter(\.1).map(\.0)
            throw WorkflowError(.usage, "a new location needs \(missing.joined(separator: ", "))")
        }
        return ContentEdit(change: "location.add", entry: "location/\(id)", summary: "Location: add \(label)", draftHint: "location-\(id)")
        { content in
            guard content.location(id) == nil else { throw WorkflowError(.refused, "there is already a location \"\(id)\"") }
            let locale = content.clinic.defaultLocale
            content.locations.append(
                Location(
                    id: id, label: LocalizedText(label, locale: locale),
                    address: PostalAddress(street: street, city: city, state: state.uppercased(), zip: zip, country: f.country ?? "US"),
                    coordinates: f.coordinates, phone: f.phone, status: f.status ?? .open))
        }.recording(.location("location.add", id, f))
    }

    public static func edit(_ id: String, _ f: Fields, locale: String? = nil) -> ContentEdit {
        ContentEdit(change: "location.edit", entry: "location/\(id)", summary: "Location: edit \(id)", draftHint: "location-\(id)") {
            content in
            guard let index = content.locations.firstIndex(where: { $0.id == id }) else { throw missing(id, content) }
            var location = content.locations[index]
            if let label = f.label { location.label.set(label, locale: locale ?? content.clinic.defaultLocale) }
            if let street = f.street { location.address.street = street }
            if let city = f.city { location.address.city = city }
            if let state = f.state { location.address.state = state.uppercased() }
            if let zip = f.zip { location.address.zip = zip }
            if let country = f.country { location.address.country = country }
            // In the style the clinic writes its numbers in (this location's, else the clinic's).
            if let phone = f.phone { location.phone = phone.styled(like: location.phone?.display ?? content.clinic.phone.display) }
            if let status = f.status { location.status = status }
            if let coordinates = f.coordinates { location.coordinates = coordinates }
            content.locations[index] = location
        }.recording(.location("location.edit", id, f, locale: locale))
    }

    /// Removes a location; refuses while hours refer to it unless `cascade`.
    public static func remove(_ id: String, cascade: Bool) -> ContentEdit {
        var removal = EditOperation.location("location.remove", id)
        removal.cascade = cascade
        return ContentEdit(
            change: "location.remove", entry: "location/\(id)", summary: "Location: remove \(id)", draftHint: "location-remove-\(id)"
        ) { content in
            guard let index = content.locations.firstIndex(where: { $0.id == id }) else { throw missing(id, content) }
            if content.hours(for: id) != nil {
                guard cascade else {
                    throw WorkflowError(
                        .refused, "location \(id) still has opening hours (hours/\(id)); remove them with it using --cascade")
                }
                content.hours.removeAll { $0.location == id }
            }
            content.locations.remove(at: index)
        }.recording(removal)
    }

    static func missing(_ id: String, _ content: SiteContent) -> WorkflowError { .noLocation(id, in: content) }
}

public enum SocialEdits {
    public static func add(_ network: SocialNetwork, url: String, handle: String?, replace: Bool) -> ContentEdit {
        ContentEdit(
            change: "social.add", entry: "social/\(network.rawValue)", summary: "Social: add \(network.displayName)",
            draftHint: "social-\(network.rawValue)"
        ) { content in
            if let index = content.social.firstIndex(where: { $0.network == network && network != .other }) {
                guard replace else {
                    throw WorkflowError(
                        .refused, "\(network.displayName) is already listed (\(content.social[index].url)); add --replace to change it")
                }
                content.social[index] = SocialLink(network: network, url: url, handle: handle)
            } else {
                content.social.append(SocialLink(network: network, url: url, handle: handle))
            }
        }.recording(.social("social.add", network, url: url, handle: handle, replace: replace))
    }

    public static func remove(_ network: SocialNetwork) -> ContentEdit {
        ContentEdit(
            change: "social.remove", entry: "social/\(network.rawValue)", summary: "Social: remove \(network.displayName)",
            draftHint: "social-remove-\(network.rawValue)"
        ) { content in
            let before = content.social.count
            content.social.removeAll { $0.network == network }
            if content.social.count == before {
                throw WorkflowError(.notFound, "\(network.displayName) is not listed", remedy: .listSocial)
            }
        }.recording(.social("social.remove", network))
    }
}

public enum ClinicEdits {
    public struct Fields: Sendable {
        public var name: String?
        public var legalName: String?
        public var phone: PhoneNumber?
        public var website: String?
        public var email: String?
        public var timeZone: String?
        public init(
            name: String? = nil, legalName: String? = nil, phone: PhoneNumber? = nil, website: String? = nil,
            email: String? = nil, timeZone: String? = nil
        ) {
            self.name = name
            self.legalName = legalName
            self.phone = phone
            self.website = website
            self.email = email
            self.timeZone = timeZone
        }
    }

    public static func set(_ f: Fields) -> ContentEdit {
        let names = [
            ("name", f.name != nil), ("legal name", f.legalName != nil), ("phone", f.phone != nil),
            ("website", f.website != nil), ("email", f.email != nil), ("time zone", f.timeZone != nil),
        ].filter(\.1).map(\.0)
        return ContentEdit(
            change: "clinic.set", entry: "clinic", summary: "Clinic: set \(names.joined(separator: ", "))", draftHint: "clinic"
        ) { content in
            if let name = f.name { content.clinic.name.set(name, locale: content.clinic.defaultLocale) }
            if let legalName = f.legalName { content.clinic.legalName = legalName }
            if let phone = f.phone { content.clinic.phone = phone.styled(like: content.clinic.phone.display) }
            if let website = f.website { content.clinic.website = website.isEmpty ? nil : website }
            if let email = f.email { content.clinic.email = email.isEmpty ? nil : email }
            if let timeZone = f.timeZone { content.clinic.timeZone = timeZone }
        }.recording(.clinic(f))
    }
}
