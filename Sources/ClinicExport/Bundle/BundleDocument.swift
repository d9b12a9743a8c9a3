import ClinicContent
import Foundation

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
    /// The FAQ in page order, sorted once: each category lists its entries in this order too.
    let faq: [FAQEntry]

    init(content: SiteContent, source: BundleSource, locales: [String]) {
        self.content = content
        self.source = source
        self.locales = locales
        faq = content.faqInPageOrder
    }

    /// The document as written: locations and FAQ entries are made one at a
    /// time while the file is written, never all at once.
    var document: JSONStreamValue {
        .object([
            ("format", .value(.string(Self.format))),
            ("schemaVersion", .value(.string(Self.schemaVersion))),
            ("revision", .value(source.revision.map(JSONValue.string) ?? .null)),
            ("fromWorkingTree", .value(.bool(source.fromWorkingTree))),
            ("generatedAt", .value(.string(Self.timestamp(source.generatedAt)))),
            ("defaultLocale", .value(.string(defaultLocale))),
            ("locales", .value(.array(locales.map(JSONValue.string)))),
            ("clinic", .value(clinic)),
            ("locations", .array(content.locations) { .value(location($0)) }),
            ("categories", .value(.array(categories))),
            ("faq", .array(faq) { .value(faqEntry($0)) }),
            ("social", .value(.array(content.social.map(social)))),
        ])
    }

    /// The whole document as one value (tests).
    var json: JSONValue { document.materialized }

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

    /// Each category with its entries' ids in page order.
    var categories: [JSONValue] {
        let ids = Dictionary(grouping: faq, by: \.category).mapValues { $0.map { JSONValue.string($0.id) } }
        return content.categories.map { category in
            [
                "id": .string(category.id),
                "title": text(category.title),
                "faq": .array(ids[category.id] ?? []),
            ]
        }
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
}
