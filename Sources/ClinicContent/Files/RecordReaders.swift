import Foundation

/// One reader per kind of file; each maps YAML fields onto a model value.
extension ContentLoader {
    typealias Fields = YAMLFieldReader.Fields

    func loadClinic(_ source: any ContentSource, _ state: inout LoadState) throws -> Clinic {
        let path = layout.clinicFile
        state.map.clinicFile = path
        let placeholder = Clinic(name: LocalizedText([:]), legalName: "", phone: PhoneNumber(e164: ""), timeZone: "")
        guard let data = try source.read(path) else {
            state.findings.append(
                Finding(
                    .clinicMissing, file: path,
                    message: "the clinic's details are missing; create \(path)"))
            return placeholder
        }
        guard let text = state.decode(data, path) else { return placeholder }
        return state.read(path, empty: .clinicEmpty) { reader in
            guard let node = reader.parse(text), let f = reader.fields(node, at: "") else { return nil }
            defer { f.finish() }
            let locale = f.string("defaultLocale", required: .clinicDefaultLocaleRequired) ?? "en"
            return Clinic(
                name: f.localized("name", defaultLocale: locale, required: .clinicNameRequired) ?? LocalizedText([:]),
                legalName: f.string("legalName", required: .clinicLegalNameRequired) ?? "",
                website: f.string("website"),
                phone: f.nested("phone", required: .clinicPhoneRequired) { readPhone($0, e164: .clinicPhoneE164Required, reader) }
                    ?? PhoneNumber(e164: ""),
                email: f.string("email"),
                defaultLocale: locale,
                timeZone: f.string("timeZone", required: .clinicTimeZoneRequired) ?? "",
                copyright: f.nested("copyright") { c in
                    let holder = c.string("holder", required: .clinicCopyrightHolderRequired)
                    let since = c.int("since", required: .clinicCopyrightSinceRequired)
                    // Without a year there is nothing for clinic.copyright to check: the missing year is the one finding.
                    return since.map { Copyright(holder: holder ?? "", since: $0) }
                },
                businessTypes: f.strings("businessTypes") ?? Clinic.defaultBusinessTypes)
        } ?? placeholder
    }

    /// A phone number; `e164` is the rule its missing number breaks (the clinic's or a location's).
    func readPhone(_ f: Fields, e164 e164Rule: Rule, _ reader: YAMLFieldReader) -> PhoneNumber {
        let e164 = f.string("e164", required: e164Rule) ?? ""
        let display = f.string("display")
        var capabilities: [PhoneNumber.Capability] = []
        for (index, name) in (f.strings("capabilities") ?? ["voice"]).enumerated() {
            guard let capability = PhoneNumber.Capability(rawValue: name) else {
                reader.report(
                    "\(f.fieldPath("capabilities"))[\(index)]", rule: .phoneCapability,
                    "unknown phone capability \"\(name)\"; write voice, sms or both")
                continue
            }
            capabilities.append(capability)
        }
        return PhoneNumber(e164: e164, display: display, capabilities: capabilities)
    }

    func readLocation(_ text: String, _ path: String, _ stem: String, _ locale: String, _ state: inout LoadState) -> Location? {
        state.read(path, empty: .locationEmpty) { reader in
            guard let node = reader.parse(text), let f = reader.fields(node, at: "") else { return nil }
            defer { f.finish() }
            let id = f.string("id", required: .locationIDRequired) ?? stem
            let label = f.localized("label", defaultLocale: locale, required: .locationLabelRequired) ?? LocalizedText([:])
            let address =
                f.nested("address", required: .locationAddressRequired) { a in
                    PostalAddress(
                        street: a.strings("street", required: .locationStreetRequired) ?? [],
                        city: a.string("city", required: .locationCityRequired) ?? "",
                        state: a.string("state", required: .locationStateRequired) ?? "",
                        zip: a.string("zip", required: .locationZIPRequired) ?? "",
                        country: a.string("country") ?? "US")
                } ?? PostalAddress(street: [], city: "", state: "", zip: "")
            let coordinates = f.nested("coordinates") { c -> Coordinates? in
                // Both are read before either is checked, so a bad latitude does not make longitude an unknown key.
                let lat = c.double("latitude", required: .locationLatitudeRequired)
                let lon = c.double("longitude", required: .locationLongitudeRequired)
                guard let lat, let lon else { return nil }
                return Coordinates(latitude: lat, longitude: lon)
            }
            let phone = f.nested("phone") { readPhone($0, e164: .locationPhoneE164Required, reader) }
            var status = Location.Status.open
            if let raw = f.string("status") {
                if let known = Location.Status(rawValue: raw) {
                    status = known
                } else {
                    reader.report(
                        "status", rule: .locationStatus,
                        "unknown status \"\(raw)\"; write open, temporarily-closed or permanently-closed")
                }
            }
            return Location(id: id, label: label, address: address, coordinates: coordinates, phone: phone, status: status)
        }
    }

    func readHours(_ text: String, _ path: String, _ stem: String, _ locale: String, _ state: inout LoadState) -> LocationHours? {
        state.read(path, empty: .hoursEmpty) { reader in
            guard let node = reader.parse(text), let f = reader.fields(node, at: "") else { return nil }
            defer { f.finish() }
            let location = f.string("location", required: .hoursLocationRequired) ?? stem
            let weekly =
                f.list("weekly") { r, _ -> WeeklyRange? in
                    let days = readDays(r, reader)
                    let range = readRange(r, opens: .hoursWeeklyOpensRequired, closes: .hoursWeeklyClosesRequired, reader)
                    guard let days, let range else { return nil }
                    return WeeklyRange(days: days, range: range)
                } ?? []
            let appointments =
                f.list("byAppointment") { r, _ -> AppointmentDays? in
                    let days = readDays(r, reader)
                    let note = r.localized("note", defaultLocale: locale)
                    return days.map { AppointmentDays(days: $0, note: note) }
                } ?? []
            let special =
                f.list("special") { s, _ -> SpecialHours? in
                    let from = readDay(s, "from", required: .hoursSpecialFromRequired, reader)
                    let through = readDay(s, "through", required: nil, reader)
                    let closed = s.bool("closed") ?? false
                    var unreadableRange = false
                    let ranges =
                        s.list("ranges") { r, _ -> TimeRange? in
                            let range = readRange(r, opens: .hoursSpecialOpensRequired, closes: .hoursSpecialClosesRequired, reader)
                            unreadableRange = unreadableRange || range == nil
                            return range
                        } ?? []
                    let reason = s.localized("reason", defaultLocale: locale)
                    // An entry with an unreadable range has unknown hours: its reading finding is the only one.
                    guard let from = from ?? nil, let through, !unreadableRange else { return nil }
                    return SpecialHours(from: from, through: through, closed: closed, ranges: ranges, reason: reason)
                } ?? []
            return LocationHours(location: location, weekly: weekly, byAppointment: appointments, special: special)
        }
    }

    func readCategories(_ text: String, _ path: String, _ locale: String, _ state: inout LoadState) -> [FAQCategory] {
        state.read(path, empty: .categoryEmpty) { reader in
            guard let node = reader.parse(text), let f = reader.fields(node, at: "") else { return nil }
            defer { f.finish() }
            return f.list("categories", required: .categoriesRequired) { c, _ in
                FAQCategory(
                    id: c.string("id", required: .categoryIDRequired) ?? "",
                    title: c.localized("title", defaultLocale: locale, required: .categoryTitleRequired) ?? LocalizedText([:]))
            }
        } ?? []
    }

    func readSocial(_ text: String, _ path: String, _ state: inout LoadState) -> [SocialLink] {
        state.read(path, empty: .socialEmpty) { reader in
            guard let node = reader.parse(text), let f = reader.fields(node, at: "") else { return nil }
            defer { f.finish() }
            return f.list("links", required: .socialLinksRequired) { l, _ -> SocialLink? in
                let name = l.string("network", required: .socialNetworkRequired)
                let url = l.string("url", required: .socialURLRequired)
                let handle = l.string("handle")
                guard let name else { return nil }
                guard let network = SocialNetwork(rawValue: name) else {
                    reader.report(
                        l.fieldPath("network"), rule: .socialNetwork,
                        "unknown network \"\(name)\"; write one of "
                            + SocialNetwork.allCases.map(\.rawValue).joined(separator: ", "))
                    return nil
                }
                return SocialLink(network: network, url: url ?? "", handle: handle)
            }
        } ?? []
    }
}
