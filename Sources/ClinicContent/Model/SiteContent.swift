/// Everything the clinic publishes: the value that loading produces, edits
/// change, validation checks and export turns into a bundle.
public struct SiteContent: Hashable, Sendable {
    public var clinic: Clinic
    public var locations: [Location]
    public var hours: [LocationHours]
    public var categories: [FAQCategory]
    public var faq: [FAQEntry]
    public var social: [SocialLink]

    public init(
        clinic: Clinic, locations: [Location] = [], hours: [LocationHours] = [],
        categories: [FAQCategory] = [], faq: [FAQEntry] = [], social: [SocialLink] = []
    ) {
        self.clinic = clinic
        self.locations = locations
        self.hours = hours
        self.categories = categories
        self.faq = faq
        self.social = social
    }

    /// FAQ entries in page order (position, then id for equal positions).
    public var faqInPageOrder: [FAQEntry] {
        faq.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
    }

    public func location(_ id: String) -> Location? { locations.first { $0.id == id } }

    /// The id of the location a person typed: the id itself, else the one
    /// location whose id or label matches in any case (`Glenview`, `The Loop`);
    /// `typed` unchanged when none or several do, so the error lists the ids.
    public func locationID(typed: String) -> String {
        if location(typed) != nil { return typed }
        let folded = typed.lowercased()
        let matches = locations.filter { location in
            location.id.lowercased() == folded || location.label.translations.values.contains { $0.lowercased() == folded }
        }
        return matches.count == 1 ? matches[0].id : typed
    }
    public func hours(for location: String) -> LocationHours? { hours.first { $0.location == location } }
    public func faqEntry(_ id: String) -> FAQEntry? { faq.first { $0.id == id } }

    /// Every locale any text is written in, the default first.
    public var locales: [String] {
        var all = Set<String>()
        func add(_ text: LocalizedText?) { all.formUnion(text?.translations.keys ?? [:].keys) }
        add(clinic.name)
        locations.forEach { add($0.label) }
        hours.forEach { h in
            h.byAppointment.forEach { add($0.note) }
            h.special.forEach { add($0.reason) }
        }
        categories.forEach { add($0.title) }
        faq.forEach {
            add($0.question)
            add($0.answer)
        }
        let d = clinic.defaultLocale
        return [d] + all.subtracting([d]).sorted()
    }
}
