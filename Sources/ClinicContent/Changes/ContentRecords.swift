/// Each record of the content as a reviewer reads it: named fields, in every
/// locale, plus the one ordered list a record may hold.
struct DiffRecord {
    var title: String
    var fields: [(String, String)]
    /// Categories, social links or special dates, compared item by item, order included.
    var list: [ListItem]?
    /// How hours group their days; shown only when the days themselves read the same.
    var layout: String?
}

extension ContentDiff {
    static func records(_ content: SiteContent) -> [String: DiffRecord] { records(content, only: nil) }

    /// The records of `content` by entry key; with `keys`, only those named in it.
    static func records(_ content: SiteContent, only keys: RecordKeys?) -> [String: DiffRecord] {
        let locale = content.clinic.defaultLocale
        var records: [String: DiffRecord] = [:]
        func label(_ text: LocalizedText?) -> String { text?.text(for: locale, defaultLocale: locale) ?? "" }
        if keys?.clinic ?? true { records["clinic"] = DiffRecord(title: "clinic details", fields: clinicFields(content.clinic)) }
        for location in content.locations where keys?.locations.contains(location.id) ?? true {
            records["location/\(location.id)"] = DiffRecord(
                title: "location \(label(location.label))", fields: locationFields(location, locale: locale))
        }
        for hours in content.hours where keys?.hours.contains(hours.location) ?? true {
            let name = content.location(hours.location).map { label($0.label) } ?? hours.location
            var normalized = hours
            normalized.normalize()
            records["hours/\(hours.location)"] = DiffRecord(
                title: "hours at \(name)", fields: weekFields(normalized, locale: locale),
                list: normalized.special.map { specialItem($0, locale: locale) }, layout: layout(normalized))
        }
        if !content.categories.isEmpty, keys?.categories ?? true {
            records["categories"] = DiffRecord(
                title: "FAQ categories", fields: [],
                list: content.categories.map { ListItem(key: $0.id, fields: localized("", $0.title, locale: locale)) })
        }
        for entry in content.faq where keys?.faq.contains(entry.id) ?? true {
            records["faq/\(entry.id)"] = faqRecord(entry, locale: locale)
        }
        if !content.social.isEmpty, keys?.social ?? true {
            records["social"] = DiffRecord(
                title: "social links", fields: [],
                list: content.social.map { link in
                    ListItem(key: link.network.rawValue, fields: [("", link.url)] + (link.handle.map { [("handle", $0)] } ?? []))
                })
        }
        return records
    }

    /// An FAQ entry's record: it depends on the entry and the default locale alone.
    static func faqRecord(_ entry: FAQEntry, locale: String) -> DiffRecord {
        var fields = localized("question", entry.question, locale: locale) + localized("answer", entry.answer, locale: locale)
        fields += [("category", entry.category), ("position", String(entry.position))]
        if !entry.tags.isEmpty { fields.append(("tags", entry.tags.joined(separator: ", "))) }
        if let reviewed = entry.lastReviewed { fields.append(("lastReviewed", reviewed.description)) }
        let title = entry.question.text(for: locale, defaultLocale: locale) ?? ""
        return DiffRecord(title: "FAQ \"\(title)\"", fields: fields)
    }

    /// `name`, then `name (es)` for each other locale, each text as written.
    static func localized(_ name: String, _ text: LocalizedText?, locale: String) -> [(String, String)] {
        guard let text else { return [] }
        return text.locales(defaultLocale: locale).map { l in
            let field = l == locale ? name : name.isEmpty ? "(\(l))" : "\(name) (\(l))"
            return (field, text.translations[l]!)
        }
    }

    static func phoneFields(_ prefix: String, _ phone: PhoneNumber?) -> [(String, String)] {
        guard let phone else { return [] }
        return [("\(prefix).e164", phone.e164)] + (phone.display.map { [("\(prefix).display", $0)] } ?? [])
            + [("\(prefix).capabilities", phone.capabilities.map(\.rawValue).joined(separator: ", "))]
    }

    static func clinicFields(_ clinic: Clinic) -> [(String, String)] {
        var fields = localized("name", clinic.name, locale: clinic.defaultLocale) + [("legalName", clinic.legalName)]
        if let website = clinic.website { fields.append(("website", website)) }
        fields += phoneFields("phone", clinic.phone)
        if let email = clinic.email { fields.append(("email", email)) }
        fields += [("defaultLocale", clinic.defaultLocale), ("timeZone", clinic.timeZone)]
        if let copyright = clinic.copyright {
            fields += [("copyright.holder", copyright.holder), ("copyright.since", String(copyright.since))]
        }
        fields.append(("businessTypes", clinic.businessTypes.joined(separator: ", ")))
        return fields
    }

    static func locationFields(_ location: Location, locale: String) -> [(String, String)] {
        let a = location.address
        var fields = [("id", location.id)] + localized("label", location.label, locale: locale)
        fields += a.street.enumerated().map { ("address.street[\($0.offset)]", $0.element) }
        fields += [("address.city", a.city), ("address.state", a.state), ("address.zip", a.zip), ("address.country", a.country)]
        if let c = location.coordinates {
            fields += [
                ("coordinates.latitude", YAMLEmitter.scalar(.double(c.latitude))),
                ("coordinates.longitude", YAMLEmitter.scalar(.double(c.longitude))),
            ]
        }
        return fields + phoneFields("phone", location.phone) + [("status", location.status.rawValue)]
    }

    /// The week as a reader sees it, plus each appointment note in the other locales (`Sat (es)`).
    static func weekFields(_ hours: LocationHours, locale: String) -> [(String, String)] {
        Weekday.allCases.flatMap { day -> [(String, String)] in
            let row = (day.shortName, dayText(hours, day, locale: locale))
            guard hours.ranges(on: day).isEmpty, let note = hours.appointment(on: day)?.note else { return [row] }
            return [row] + localized(day.shortName, note, locale: locale).filter { $0.0 != day.shortName }
        }
    }

    static func dayText(_ hours: LocationHours, _ day: Weekday, locale: String) -> String {
        let ranges = hours.ranges(on: day)
        if !ranges.isEmpty { return ranges.map(\.readableLabel).joined(separator: ", ") }
        if let appointment = hours.appointment(on: day) {
            let note = appointment.note?.text(for: locale, defaultLocale: locale)
            return "by appointment" + (note.map { " (\($0))" } ?? "")
        }
        return "closed"
    }

    static func specialDates(_ special: SpecialHours) -> String {
        special.through.map { "\(special.from)..\($0)" } ?? special.from.description
    }

    static func specialText(_ special: SpecialHours, locale: String) -> String {
        let what = ((special.closed ? ["closed"] : []) + special.ranges.map(\.readableLabel)).joined(separator: ", ")
        let reason = special.reason?.text(for: locale, defaultLocale: locale)
        return (what.isEmpty ? "no hours" : what) + (reason.map { " (\($0))" } ?? "")
    }

    static func specialItem(_ special: SpecialHours, locale: String) -> ListItem {
        let reasons = localized("", special.reason, locale: locale).filter { !$0.0.isEmpty }
        return ListItem(key: specialDates(special), fields: [("", specialText(special, locale: locale))] + reasons)
    }

    /// Every weekly and appointment rule as stored: `Mon, Tue 07:00-19:00; by appointment Sat (en: …)`.
    static func layout(_ hours: LocationHours) -> String {
        let weekly = hours.weekly.map { "\($0.days.map(\.shortName).joined(separator: ", ")) \($0.range.readableLabel)" }
        let appointments = hours.byAppointment.map { a in
            let notes = a.note.map { note in note.translations.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" } } ?? []
            return "by appointment \(a.days.map(\.shortName).joined(separator: ", "))"
                + (notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))")
        }
        return (weekly + appointments).joined(separator: "; ")
    }

    /// Hours as a reader sees them: one line per weekday, then each special date.
    public static func weekTable(_ hours: LocationHours, locale: String) -> [(String, String)] {
        var rows = Weekday.allCases.map { ($0.shortName, dayText(hours, $0, locale: locale)) }
        for special in hours.special.sorted(by: { $0.from < $1.from }) {
            rows.append((specialDates(special), specialText(special, locale: locale)))
        }
        return rows
    }
}
