import ClinicContent

/// `clinic.jsonld`: the clinic as schema.org JSON-LD, one `@graph`.
///
/// Appointment-only days have no structured form in schema.org (Google
/// Business Profile shows such a day as closed), so they are left out of
/// `openingHoursSpecification`: a search engine sees those days as closed,
/// while `bundle.json` keeps them. Permanently closed locations are left out.
struct LinkedDataDocument {
    let content: SiteContent
    /// The one locale this document is written in.
    let locale: String
    var defaultLocale: String { content.clinic.defaultLocale }

    /// The document as written: the FAQ page's questions are made one at a time while the file is written.
    var document: JSONStreamValue {
        let places = content.locations.filter { $0.status != .permanentlyClosed }
        let nodes: [JSONStreamValue] =
            [.value(organization)] + places.map { .value(place($0)) } + (content.faq.isEmpty ? [] : [faqPage])
        return .object([
            ("@context", .value("https://schema.org")),
            ("@graph", .array(count: nodes.count) { nodes[$0] }),
        ])
    }

    /// The whole document as one value (tests).
    var json: JSONValue { document.materialized }

    /// A node id: a fragment of the clinic's website when it has one, else a blank node.
    func id(_ name: String) -> String {
        guard let website = content.clinic.website, !website.isEmpty else { return "_:\(name)" }
        return (website.hasSuffix("/") ? website : website + "/") + "#\(name)"
    }

    func text(_ text: LocalizedText?) -> String? { text?.text(for: locale, defaultLocale: defaultLocale) }

    var organization: JSONValue {
        let clinic = content.clinic
        return .object(optional: [
            ("@type", "MedicalOrganization"),
            ("@id", .string(id("organization"))),
            ("name", .string(text(clinic.name))),
            ("legalName", .string(clinic.legalName)),
            ("url", .string(clinic.website)),
            ("telephone", .string(clinic.phone.e164)),
            ("email", .string(clinic.email)),
            ("sameAs", content.social.isEmpty ? nil : .array(content.social.map { .string($0.url) })),
        ])
    }

    func place(_ location: Location) -> JSONValue {
        let hours = content.hours(for: location.id)
        let address = location.address
        let name = [text(content.clinic.name), text(location.label)].compactMap { $0 }.joined(separator: " – ")
        let weekly = hours?.weekly ?? []
        let special = hours?.special ?? []
        return .object(optional: [
            ("@type", .array(content.clinic.businessTypes.map(JSONValue.string))),
            ("@id", .string(id("location-\(location.id)"))),
            ("name", .string(name)),
            ("parentOrganization", ["@id": .string(id("organization"))]),
            ("url", .string(content.clinic.website)),
            ("telephone", .string((location.phone ?? content.clinic.phone).e164)),
            (
                "address",
                [
                    "@type": "PostalAddress",
                    "streetAddress": .string(address.street.joined(separator: ", ")),
                    "addressLocality": .string(address.city),
                    "addressRegion": .string(address.state),
                    "postalCode": .string(address.zip),
                    "addressCountry": .string(address.country),
                ]
            ),
            (
                "geo",
                location.coordinates.map {
                    ["@type": "GeoCoordinates", "latitude": .double($0.latitude), "longitude": .double($0.longitude)]
                }
            ),
            ("openingHoursSpecification", weekly.isEmpty ? nil : .array(weekly.map(opening))),
            ("specialOpeningHoursSpecification", special.isEmpty ? nil : .array(special.flatMap(specialOpening))),
        ])
    }

    func opening(_ weekly: WeeklyRange) -> JSONValue {
        [
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": .array(weekly.days.map { .string("https://schema.org/\($0.fullName)") }),
            "opens": .string(Self.time(weekly.range.opens)),
            "closes": .string(Self.time(weekly.range.closes)),
        ]
    }

    /// One specification per range; a closed stretch has neither `opens` nor `closes`.
    func specialOpening(_ entry: SpecialHours) -> [JSONValue] {
        let dates: [(String, JSONValue)] = [
            ("@type", "OpeningHoursSpecification"),
            ("validFrom", .string(entry.from.description)),
            ("validThrough", .string(entry.lastDay.description)),
        ]
        guard !entry.closed, !entry.ranges.isEmpty else { return [.object(dates)] }
        return entry.ranges.map { range in
            .object(dates + [("opens", .string(Self.time(range.opens))), ("closes", .string(Self.time(range.closes)))])
        }
    }

    var faqPage: JSONStreamValue {
        .object([
            ("@type", .value("FAQPage")),
            ("@id", .value(.string(id("faq")))),
            ("inLanguage", .value(.string(locale))),
            (
                "mainEntity",
                .array(content.faqInPageOrder) { entry in
                    .value([
                        "@type": "Question",
                        "name": .string(text(entry.question) ?? ""),
                        "acceptedAnswer": [
                            "@type": "Answer",
                            "text": .string(AnswerRenderer.html(text(entry.answer) ?? "")),
                        ],
                    ])
                }
            ),
        ])
    }

    /// `HH:MM`; the end of the day (24:00) as 23:59, the form Google reads as midnight.
    static func time(_ time: TimeOfDay) -> String {
        time.minutes == 1440 ? "23:59" : time.description
    }
}
