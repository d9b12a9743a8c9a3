import ClinicContent
import Foundation

/// Where exported content came from: recorded in the bundle, and the only
/// source of its timestamp, so the same revision always gives the same bytes.
public struct BundleSource: Hashable, Sendable {
    /// The commit the content was read from (40 hex digits); for a working-tree
    /// export, the commit HEAD points at; nil when there is none.
    public var revision: String?
    /// The commit's committer time (`generatedAt`), never the clock.
    public var generatedAt: Date
    /// True when the files came from a working tree, not from `revision` itself.
    public var fromWorkingTree: Bool

    /// `generatedAt` for a working tree without any commit: the Unix epoch.
    public static let noCommitTime = Date(timeIntervalSince1970: 0)

    public init(revision: String?, generatedAt: Date, fromWorkingTree: Bool = false) {
        self.revision = revision
        self.generatedAt = generatedAt
        self.fromWorkingTree = fromWorkingTree
    }
}

/// The `bundle.json` document: the content in the shape sites and apps read.
///
/// Every localized text carries every locale of the bundle, with the default
/// locale's text filled in where a translation is missing and that fallback
/// named in `fallbackLocales`, so a reader never has to implement fallback.
struct BundleDocument {
    static let format = "clinicctl.bundle"
    static let schemaVersion = "1.0.0"

    let content: SiteContent
    let source: BundleSource
    /// The locales this document carries: all of them, or one for `bundle.<locale>.json`.
    let locales: [String]
    var defaultLocale: String { content.clinic.defaultLocale }

    var json: JSONValue {
        [
            "format": .string(Self.format),
            "schemaVersion": .string(Self.schemaVersion),
            "revision": source.revision.map(JSONValue.string) ?? .null,
            "fromWorkingTree": .bool(source.fromWorkingTree),
            "generatedAt": .string(Self.timestamp(source.generatedAt)),
            "defaultLocale": .string(defaultLocale),
            "locales": .array(locales.map(JSONValue.string)),
            "clinic": clinic,
            "locations": .array(content.locations.map(location)),
            "categories": .array(content.categories.map(category)),
            "faq": .array(content.faqInPageOrder.map(faqEntry)),
            "social": .array(content.social.map(social)),
        ]
    }

    var clinic: JSONValue {
        let clinic = content.clinic
        return .object(optional: [
            ("name", text(clinic.name)),
            ("legalName", .string(clinic.legalName)),
            ("website", .string(clinic.website)),
            ("email", .string(clinic.email)),
            ("phone", phone(clinic.phone)),
            ("timeZone", .string(clinic.timeZone)),
            ("copyright", clinic.copyright.map { ["holder": .string($0.holder), "since": .int($0.since)] }),
            ("businessTypes", .array(clinic.businessTypes.map(JSONValue.string))),
            ("hoursSummary", perLocale { .array(HoursLines.summary(content, locale: $0).map(JSONValue.string)) }),
        ])
    }

    func location(_ location: Location) -> JSONValue {
        let address = location.address
        let lines =
            address.street + ["\(address.city), \(address.state) \(address.zip)"]
            + (address.country == "US" ? [] : [address.country])
        return .object(optional: [
            ("id", .string(location.id)),
            ("label", text(location.label)),
            ("status", .string(location.status.rawValue)),
            (
                "address",
                [
                    "street": .array(address.street.map(JSONValue.string)),
                    "city": .string(address.city),
                    "state": .string(address.state),
                    "zip": .string(address.zip),
                    "country": .string(address.country),
                    "lines": .array(lines.map(JSONValue.string)),
                ]
            ),
            (
                "coordinates",
                location.coordinates.map {
                    ["latitude": .double($0.latitude), "longitude": .double($0.longitude)]
                }
            ),
            ("phone", phone(location.phone ?? content.clinic.phone)),
            ("phoneSource", .string(location.phone == nil ? "clinic" : "location")),
            ("hours", content.hours(for: location.id).map(hours)),
        ])
    }

    func hours(_ hours: LocationHours) -> JSONValue {
        [
            "weekly": .array(
                hours.weekly.map { weekly in
                    [
                        "days": .array(weekly.days.map { .string($0.rawValue) }),
                        "opens": .string(weekly.range.opens.description),
                        "closes": .string(weekly.range.closes.description),
                        "overnight": .bool(Self.isOvernight(weekly.range)),
                    ]
                }),
            "byAppointment": .array(
                hours.byAppointment.map { rule in
                    .object(optional: [
                        ("days", .array(rule.days.map { .string($0.rawValue) })),
                        ("note", rule.note.map(text)),
                    ])
                }),
            "special": .array(
                hours.special.map { entry in
                    .object(optional: [
                        ("from", .string(entry.from.description)),
                        ("through", entry.through.map { .string($0.description) }),
                        ("closed", .bool(entry.closed || entry.ranges.isEmpty)),
                        ("ranges", .array(entry.ranges.map(range))),
                        ("reason", entry.reason.map(text)),
                    ])
                }),
            "week": .array(
                Weekday.allCases.map { day in
                    let plan = DayPlan(hours, day)
                    let ranges: [TimeRange] = if case .open(let r) = plan { r } else { [] }
                    return ["day": .string(day.rawValue), "status": .string(plan.status), "ranges": .array(ranges.map(range))]
                }),
            "lines": perLocale { .array(HoursLines.weekly(hours, locale: $0).map(JSONValue.string)) },
            "specialLines": perLocale {
                .array(HoursLines.special(hours, locale: $0, defaultLocale: defaultLocale).map(JSONValue.string))
            },
        ]
    }

    func range(_ range: TimeRange) -> JSONValue {
        [
            "opens": .string(range.opens.description),
            "closes": .string(range.closes.description),
            "overnight": .bool(Self.isOvernight(range)),
        ]
    }

    func category(_ category: FAQCategory) -> JSONValue {
        [
            "id": .string(category.id),
            "title": text(category.title),
            "faq": .array(content.faqInPageOrder.filter { $0.category == category.id }.map { .string($0.id) }),
        ]
    }

    func faqEntry(_ entry: FAQEntry) -> JSONValue {
        let markdown = resolved(entry.answer)
        return .object(optional: [
            ("id", .string(entry.id)),
            ("category", .string(entry.category)),
            ("position", .int(entry.position)),
            ("tags", .array(entry.tags.map(JSONValue.string))),
            ("lastReviewed", entry.lastReviewed.map { .string($0.description) }),
            ("question", text(entry.question)),
            (
                "answer",
                [
                    "markdown": .object(markdown.map { ($0.locale, .string($0.text)) }),
                    "html": .object(markdown.map { ($0.locale, .string(AnswerRenderer.html($0.text))) }),
                    "plainText": .object(markdown.map { ($0.locale, .string(AnswerRenderer.plainText($0.text))) }),
                    "fallbackLocales": fallbacks(entry.answer),
                ]
            ),
        ])
    }

    func social(_ link: SocialLink) -> JSONValue {
        .object(optional: [
            ("network", .string(link.network.rawValue)),
            ("networkName", .string(link.network.displayName)),
            ("url", .string(link.url)),
            ("handle", .string(link.handle)),
        ])
    }

    func phone(_ phone: PhoneNumber) -> JSONValue {
        var links: [(String, JSONValue)] = []
        if phone.capabilities.contains(.voice) { links.append(("tel", .string("tel:\(phone.e164)"))) }
        if phone.capabilities.contains(.sms) { links.append(("sms", .string("sms:\(phone.e164)"))) }
        return [
            "e164": .string(phone.e164),
            "display": .string(phone.display ?? Self.nationalFormat(phone.e164)),
            "capabilities": .array(phone.capabilities.sorted().map { .string($0.rawValue) }),
            "links": .object(links),
        ]
    }

    /// `{"text": {locale: text}, "fallbackLocales": [...]}` for every carried locale.
    func text(_ text: LocalizedText) -> JSONValue {
        [
            "text": .object(resolved(text).map { ($0.locale, .string($0.text)) }),
            "fallbackLocales": fallbacks(text),
        ]
    }

    /// Each carried locale's text, the default locale's where there is no translation.
    func resolved(_ text: LocalizedText) -> [(locale: String, text: String)] {
        locales.map { ($0, text.text(for: $0, defaultLocale: defaultLocale) ?? "") }
    }

    func fallbacks(_ text: LocalizedText) -> JSONValue {
        .array(locales.filter { text.translations[$0] == nil }.map(JSONValue.string))
    }

    func perLocale(_ make: (String) -> JSONValue) -> JSONValue {
        .object(locales.map { ($0, make($0)) })
    }

    static func isOvernight(_ range: TimeRange) -> Bool { range.overnight || range.closes < range.opens }

    /// `(773) 999-9825` for a NANP number, the E.164 form for any other.
    static func nationalFormat(_ e164: String) -> String {
        let digits = Array(e164.dropFirst())
        guard e164.hasPrefix("+1"), digits.count == 11 else { return e164 }
        return "(\(String(digits[1...3]))) \(String(digits[4...6]))-\(String(digits[7...10]))"
    }

    /// `2026-03-01T17:04:05Z`: whole seconds in UTC, as commit times are.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
