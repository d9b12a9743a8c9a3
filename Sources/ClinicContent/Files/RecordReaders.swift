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
                    .error, file: path, rule: "clinic.missing",
                    message: "the clinic's details are missing; create \(path)"))
            return placeholder
        }
        guard let text = state.decode(data, path) else { return placeholder }
        return state.read(path, kind: "clinic") { reader in
            guard let node = reader.parse(text), let f = reader.fields(node, at: "") else { return nil }
            defer { f.finish() }
            let locale = f.string("defaultLocale", required: true) ?? "en"
            return Clinic(
                name: f.localized("name", defaultLocale: locale, required: true) ?? LocalizedText([:]),
                legalName: f.string("legalName", required: true) ?? "",
                website: f.string("website"),
                phone: f.nested("phone", required: true) { readPhone($0, reader) } ?? PhoneNumber(e164: ""),
                email: f.string("email"),
                defaultLocale: locale,
                timeZone: f.string("timeZone", required: true) ?? "",
                copyright: f.nested("copyright") { c in
                    let holder = c.string("holder", required: true)
                    let since = c.int("since", required: true)
                    return Copyright(holder: holder ?? "", since: since ?? 0)
                },
                businessTypes: f.strings("businessTypes") ?? Clinic.defaultBusinessTypes)
        } ?? placeholder
    }

    func readPhone(_ f: Fields, _ reader: YAMLFieldReader) -> PhoneNumber {
        let e164 = f.string("e164", required: true) ?? ""
        let display = f.string("display")
        var capabilities: [PhoneNumber.Capability] = []
        for (index, name) in (f.strings("capabilities") ?? ["voice"]).enumerated() {
            guard let capability = PhoneNumber.Capability(rawValue: name) else {
                reader.report(
                    "\(f.fieldPath("capabilities"))[\(index)]", rule: "phone.capability",
                    "unknown phone capability \"\(name)\"; write voice, sms or both")
                continue
            }
            capabilities.append(capability)
        }
        return PhoneNumber(e164: e164, display: display, capabilities: capabilities)
    }

    func readLocation(_ text: String, _ path: String, _ stem: String, _ locale: String, _ state: inout LoadState) -> Location? {
        state.read(path, kind: "location") { reader in
            guard let node = reader.parse(text), let f = reader.fields(node, at: "") else { return nil }
            defer { f.finish() }
            let id = f.string("id", required: true) ?? stem
            let label = f.localized("label", defaultLocale: locale, required: true) ?? LocalizedText([:])
            let address =
                f.nested("address", required: true) { a in
                    PostalAddress(
                        street: a.strings("street", required: true) ?? [],
                        city: a.string("city", required: true) ?? "",
                        state: a.string("state", required: true) ?? "",
                        zip: a.string("zip", required: true) ?? "",
                        country: a.string("country") ?? "US")
                } ?? PostalAddress(street: [], city: "", state: "", zip: "")
            let coordinates = f.nested("coordinates") { c -> Coordinates? in
                // Both are read before either is checked, so a bad latitude does not make longitude an unknown key.
                let lat = c.double("latitude", required: true)
                let lon = c.double("longitude", required: true)
                guard let lat, let lon else { return nil }
                return Coordinates(latitude: lat, longitude: lon)
            }
            let phone = f.nested("phone") { readPhone($0, reader) }
            var status = Location.Status.open
            if let raw = f.string("status") {
                if let known = Location.Status(rawValue: raw) {
                    status = known
                } else {
                    reader.report(
                        "status", rule: "location.status",
                        "unknown status \"\(raw)\"; write open, temporarily-closed or permanently-closed")
                }
            }
            return Location(id: id, label: label, address: address, coordinates: coordinates, phone: phone, status: status)
        }
    }

    /// Days named in `days`; none (missing, empty or all unknown) is left to validation's `hours.days.required`.
    func readDays(_ f: Fields, _ reader: YAMLFieldReader) -> [Weekday] {
        var days: [Weekday] = []
        for (index, name) in (f.strings("days") ?? []).enumerated() {
            guard let day = Weekday(rawValue: name) else {
                reader.report(
                    "\(f.fieldPath("days"))[\(index)]", rule: "hours.day",
                    "unknown day \"\(name)\"; write mon, tue, wed, thu, fri, sat or sun")
                continue
            }
            days.append(day)
        }
        return days
    }

    func readTime(_ f: Fields, _ key: String, _ reader: YAMLFieldReader) -> TimeOfDay? {
        guard let text = f.string(key, required: true) else { return nil }
        guard let time = TimeOfDay(canonical: text) else {
            reader.report(
                f.fieldPath(key), rule: "hours.time",
                "\(key) \"\(text)\" is not a 24-hour time; write HH:MM from 00:00 to 24:00, like \"07:00\"")
            return nil
        }
        return time
    }

    func readRange(_ f: Fields, _ reader: YAMLFieldReader) -> TimeRange? {
        let opens = readTime(f, "opens", reader)
        let closes = readTime(f, "closes", reader)
        let overnight = f.bool("overnight") ?? false
        guard let opens, let closes else { return nil }
        return TimeRange(opens: opens, closes: closes, overnight: overnight)
    }

    func readDay(_ f: Fields, _ key: String, required: Bool, _ reader: YAMLFieldReader) -> CalendarDay?? {
        guard let text = f.string(key, required: required) else { return .some(nil) }
        guard let day = CalendarDay(text) else {
            reader.report(
                f.fieldPath(key), rule: "special.date",
                "\(key) \"\(text)\" is not a real date; write YYYY-MM-DD, like \"2026-12-24\"")
            return nil
        }
        return .some(day)
    }

    func readHours(_ text: String, _ path: String, _ stem: String, _ locale: String, _ state: inout LoadState) -> LocationHours? {
        state.read(path, kind: "hours") { reader in
            guard let node = reader.parse(text), let f = reader.fields(node, at: "") else { return nil }
            defer { f.finish() }
            let location = f.string("location", required: true) ?? stem
            let weekly =
                f.list("weekly") { r, _ -> WeeklyRange? in
                    let days = readDays(r, reader)
                    guard let range = readRange(r, reader) else { return nil }
                    return WeeklyRange(days: days, range: range)
                } ?? []
            let appointments =
                f.list("byAppointment") { r, _ in
                    AppointmentDays(days: readDays(r, reader), note: r.localized("note", defaultLocale: locale))
                } ?? []
            let special =
                f.list("special") { s, _ -> SpecialHours? in
                    let from = readDay(s, "from", required: true, reader)
                    let through = readDay(s, "through", required: false, reader)
                    let closed = s.bool("closed") ?? false
                    let ranges = s.list("ranges") { r, _ in readRange(r, reader) } ?? []
                    let reason = s.localized("reason", defaultLocale: locale)
                    guard let from = from ?? nil, let through else { return nil }
                    return SpecialHours(from: from, through: through, closed: closed, ranges: ranges, reason: reason)
                } ?? []
            return LocationHours(location: location, weekly: weekly, byAppointment: appointments, special: special)
        }
    }

    func readCategories(_ text: String, _ path: String, _ locale: String, _ state: inout LoadState) -> [FAQCategory] {
        state.read(path, kind: "category") { reader in
            guard let node = reader.parse(text), let f = reader.fields(node, at: "") else { return nil }
            defer { f.finish() }
            return f.list("categories", required: true) { c, _ in
                FAQCategory(
                    id: c.string("id", required: true) ?? "",
                    title: c.localized("title", defaultLocale: locale, required: true) ?? LocalizedText([:]))
            }
        } ?? []
    }

    func readSocial(_ text: String, _ path: String, _ state: inout LoadState) -> [SocialLink] {
        state.read(path, kind: "social") { reader in
            guard let node = reader.parse(text), let f = reader.fields(node, at: "") else { return nil }
            defer { f.finish() }
            return f.list("links", required: true) { l, _ -> SocialLink? in
                let name = l.string("network", required: true)
                let url = l.string("url", required: true)
                let handle = l.string("handle")
                guard let name else { return nil }
                guard let network = SocialNetwork(rawValue: name) else {
                    reader.report(
                        l.fieldPath("network"), rule: "social.network",
                        "unknown network \"\(name)\"; write one of "
                            + SocialNetwork.allCases.map(\.rawValue).joined(separator: ", "))
                    return nil
                }
                return SocialLink(network: network, url: url ?? "", handle: handle)
            }
        } ?? []
    }
}
