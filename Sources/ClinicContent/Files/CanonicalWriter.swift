import Foundation

/// Writes content records as files in their one canonical form.
///
/// Loading a canonical file and writing it again gives the same bytes, so
/// saving unchanged content changes nothing and a diff shows only real edits.
public struct CanonicalWriter {
    public let layout: ContentLayout
    public let defaultLocale: String

    public init(layout: ContentLayout = ContentLayout(), defaultLocale: String) {
        self.layout = layout
        self.defaultLocale = defaultLocale
    }

    /// Every content file for `content`, path to text.
    public func files(for content: SiteContent) -> [String: String] {
        var files: [String: String] = [layout.clinicFile: clinic(content.clinic)]
        for location in content.locations { files[layout.locationFile(location.id)] = self.location(location) }
        for hours in content.hours { files[layout.hoursFile(hours.location)] = self.hours(hours) }
        if !content.categories.isEmpty { files[layout.categoriesFile] = categories(content.categories) }
        for entry in content.faq { files[layout.faqFile(entry.id)] = faq(entry) }
        if !content.social.isEmpty { files[layout.socialFile] = social(content.social) }
        return files
    }

    func localized(_ text: LocalizedText) -> YAMLValue {
        let locales = text.locales(defaultLocale: defaultLocale)
        if locales == [defaultLocale] { return .string(text.translations[defaultLocale] ?? "") }
        return .map(locales.map { ($0, .string(text.translations[$0] ?? "")) })
    }

    func phone(_ phone: PhoneNumber) -> YAMLValue {
        var pairs: [(String, YAMLValue)] = [("e164", .string(phone.e164))]
        if let display = phone.display { pairs.append(("display", .string(display))) }
        pairs.append(("capabilities", .flow(phone.capabilities.map(\.rawValue))))
        return .map(pairs)
    }

    public func clinic(_ clinic: Clinic) -> String { YAMLEmitter.emit(clinicValue(clinic)) }

    func clinicValue(_ clinic: Clinic) -> YAMLValue {
        var pairs: [(String, YAMLValue)] = [("name", localized(clinic.name)), ("legalName", .string(clinic.legalName))]
        if let website = clinic.website { pairs.append(("website", .string(website))) }
        pairs.append(("phone", phone(clinic.phone)))
        if let email = clinic.email { pairs.append(("email", .string(email))) }
        pairs += [("defaultLocale", .string(clinic.defaultLocale)), ("timeZone", .string(clinic.timeZone))]
        if let copyright = clinic.copyright {
            pairs.append(("copyright", .map([("holder", .string(copyright.holder)), ("since", .int(copyright.since))])))
        }
        pairs.append(("businessTypes", .flow(clinic.businessTypes)))
        return .map(pairs)
    }

    public func location(_ location: Location) -> String { YAMLEmitter.emit(locationValue(location)) }

    func locationValue(_ location: Location) -> YAMLValue {
        let a = location.address
        var pairs: [(String, YAMLValue)] = [
            ("id", .string(location.id)),
            ("label", localized(location.label)),
            (
                "address",
                .map([
                    ("street", .list(a.street.map { .string($0) })),
                    ("city", .string(a.city)), ("state", .string(a.state)),
                    ("zip", .string(a.zip)), ("country", .string(a.country)),
                ])
            ),
        ]
        if let c = location.coordinates {
            pairs.append(("coordinates", .map([("latitude", .double(c.latitude)), ("longitude", .double(c.longitude))])))
        }
        if let phone = location.phone { pairs.append(("phone", self.phone(phone))) }
        pairs.append(("status", .string(location.status.rawValue)))
        return .map(pairs)
    }

    func range(_ range: TimeRange) -> [(String, YAMLValue)] {
        var pairs: [(String, YAMLValue)] = [("opens", .string(range.opens.description)), ("closes", .string(range.closes.description))]
        if range.overnight { pairs.append(("overnight", .bool(true))) }
        return pairs
    }

    public func hours(_ hours: LocationHours) -> String {
        var hours = hours
        hours.normalize()
        var pairs: [(String, YAMLValue)] = [("location", .string(hours.location))]
        if !hours.weekly.isEmpty {
            pairs.append(
                (
                    "weekly",
                    .list(
                        hours.weekly.map {
                            .map([("days", .flow($0.days.map(\.rawValue)))] + range($0.range))
                        })
                ))
        }
        if !hours.byAppointment.isEmpty {
            pairs.append(
                (
                    "byAppointment",
                    .list(
                        hours.byAppointment.map { a in
                            var entry: [(String, YAMLValue)] = [("days", .flow(a.days.map(\.rawValue)))]
                            if let note = a.note { entry.append(("note", localized(note))) }
                            return .map(entry)
                        })
                ))
        }
        if !hours.special.isEmpty {
            pairs.append(
                (
                    "special",
                    .list(
                        hours.special.map { s in
                            var entry: [(String, YAMLValue)] = [("from", .string(s.from.description))]
                            if let through = s.through { entry.append(("through", .string(through.description))) }
                            if s.closed { entry.append(("closed", .bool(true))) }
                            if !s.ranges.isEmpty { entry.append(("ranges", .list(s.ranges.map { .map(range($0)) }))) }
                            if let reason = s.reason { entry.append(("reason", localized(reason))) }
                            return .map(entry)
                        })
                ))
        }
        return YAMLEmitter.emit(.map(pairs))
    }

    public func categories(_ categories: [FAQCategory]) -> String {
        YAMLEmitter.emit(
            .map([
                (
                    "categories",
                    .list(
                        categories.map {
                            .map([("id", .string($0.id)), ("title", localized($0.title))])
                        })
                )
            ]))
    }

    public func social(_ links: [SocialLink]) -> String {
        YAMLEmitter.emit(
            .map([
                (
                    "links",
                    .list(
                        links.map { link in
                            var pairs: [(String, YAMLValue)] = [("network", .string(link.network.rawValue)), ("url", .string(link.url))]
                            if let handle = link.handle { pairs.append(("handle", .string(handle))) }
                            return .map(pairs)
                        })
                )
            ]))
    }

    /// Front matter, then the default locale's answer, ending in one newline.
    public func faq(_ entry: FAQEntry) -> String {
        var pairs: [(String, YAMLValue)] = [
            ("id", .string(entry.id)),
            ("question", .string(entry.question.translations[defaultLocale] ?? "")),
            ("category", .string(entry.category)),
            ("position", .int(entry.position)),
        ]
        if !entry.tags.isEmpty { pairs.append(("tags", .flow(entry.tags))) }
        if let reviewed = entry.lastReviewed { pairs.append(("lastReviewed", .string(reviewed.description))) }
        let others = Set(entry.question.translations.keys).union(entry.answer.translations.keys)
            .subtracting([defaultLocale]).sorted()
        if !others.isEmpty {
            pairs.append(
                (
                    "translations",
                    .map(
                        others.map { locale in
                            var texts: [(String, YAMLValue)] = []
                            if let q = entry.question.translations[locale] { texts.append(("question", .string(q))) }
                            if let a = entry.answer.translations[locale] { texts.append(("answer", .string(a))) }
                            return (locale, .map(texts))
                        })
                ))
        }
        let answer = ContentLoader.trimEnd(entry.answer.translations[defaultLocale] ?? "")
        return "---\n" + YAMLEmitter.emit(.map(pairs)) + "---\n" + answer + "\n"
    }
}
