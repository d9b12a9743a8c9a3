import ClinicContent
import Foundation

// Operations of special hours, locations, the clinic and the social order: made, and read back.

extension EditOperation {
    static func special(_ location: String?, _ special: SpecialHours) -> EditOperation {
        var operation = EditOperation(kind: "hours.special.add")
        operation.location = location
        operation.from = special.from.description
        operation.through = special.through?.description
        operation.closed = special.closed
        operation.ranges = special.ranges.map(\.canonicalLabel)
        operation.reason = special.reason?.translations
        return operation
    }

    static func specialRemoval(_ location: String, from: CalendarDay, through: CalendarDay?) -> EditOperation {
        var operation = EditOperation(kind: "hours.special.remove")
        operation.location = location
        operation.from = from.description
        operation.through = through?.description
        return operation
    }

    static func location(_ kind: String, _ id: String, _ f: LocationEdits.Fields = .init(), locale: String? = nil) -> EditOperation {
        var operation = EditOperation(kind: kind)
        operation.id = id
        (operation.label, operation.street, operation.city, operation.state) = (f.label, f.street, f.city, f.state)
        (operation.zip, operation.country, operation.status) = (f.zip, f.country, f.status?.rawValue)
        (operation.latitude, operation.longitude) = (f.coordinates?.latitude, f.coordinates?.longitude)
        operation.locale = locale
        operation.setPhone(f.phone)
        return operation
    }

    static func clinic(_ f: ClinicEdits.Fields) -> EditOperation {
        var operation = EditOperation(kind: "clinic.set")
        (operation.name, operation.legalName, operation.website) = (f.name, f.legalName, f.website)
        (operation.email, operation.timeZone) = (f.email, f.timeZone)
        operation.setPhone(f.phone)
        return operation
    }

    static func socialMove(_ network: SocialNetwork, _ placement: SocialEdits.Placement) -> EditOperation {
        var operation = social("social.move", network)
        switch placement {
        case .before(let other): operation.placement = "before:\(other.rawValue)"
        case .after(let other): operation.placement = "after:\(other.rawValue)"
        case .position(let number): operation.placement = "position:\(number)"
        }
        return operation
    }

    mutating func setPhone(_ phone: PhoneNumber?) {
        (self.phone, phoneDisplay, phoneCapabilities) = (phone?.e164, phone?.display, phone?.capabilities.map(\.rawValue))
    }

    var phoneNumber: PhoneNumber? {
        get throws {
            guard let phone else { return nil }
            let capabilities = try (phoneCapabilities ?? ["voice"]).map { name in
                guard let capability = PhoneNumber.Capability(rawValue: name) else { throw Self.unreadable("capability", name) }
                return capability
            }
            return PhoneNumber(e164: phone, display: phoneDisplay, capabilities: capabilities)
        }
    }

    static func unreadable(_ what: String, _ value: String) -> WorkflowError {
        WorkflowError(.invalid, "the recorded \(what) \"\(value)\" cannot be read")
    }

    static func day(_ text: String) throws -> CalendarDay {
        guard let day = CalendarDay(text) else { throw unreadable("date", text) }
        return day
    }

    var specialHours: SpecialHours {
        get throws {
            guard let from else { throw WorkflowError(.invalid, "the recorded special hours have no first day") }
            let ranges = try (ranges ?? []).map { text in
                guard let range = TimeRange(parsing: text) else { throw Self.unreadable("hours", text) }
                return range
            }
            return SpecialHours(
                from: try Self.day(from), through: try through.map(Self.day), closed: closed ?? ranges.isEmpty, ranges: ranges,
                reason: reason.map(LocalizedText.init))
        }
    }

    var locationFields: LocationEdits.Fields {
        get throws {
            let status = try status.map { name in
                guard let status = Location.Status(rawValue: name) else { throw Self.unreadable("status", name) }
                return status
            }
            let coordinates = latitude.flatMap { latitude in longitude.map { Coordinates(latitude: latitude, longitude: $0) } }
            return LocationEdits.Fields(
                label: label, street: street, city: city, state: state, zip: zip, country: country, phone: try phoneNumber,
                status: status, coordinates: coordinates)
        }
    }

    var clinicFields: ClinicEdits.Fields {
        get throws {
            ClinicEdits.Fields(name: name, legalName: legalName, phone: try phoneNumber, website: website, email: email, timeZone: timeZone)
        }
    }

    var socialPlacement: SocialEdits.Placement {
        get throws {
            let parts = (placement ?? "").split(separator: ":", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                if parts[0] == "position", let number = Int(parts[1]) { return .position(number) }
                if let other = SocialNetwork(rawValue: parts[1]) {
                    if parts[0] == "before" { return .before(other) }
                    if parts[0] == "after" { return .after(other) }
                }
            }
            throw Self.unreadable("placement", placement ?? "")
        }
    }
}
