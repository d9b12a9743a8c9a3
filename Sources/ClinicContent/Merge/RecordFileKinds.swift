import Foundation

/// `clinic.yaml`: the clinic's details, field by field.
struct ClinicFileKind: MergedFileKind {
    func record(_ stem: String) -> (key: String, label: String) { ("clinic", "clinic") }

    func read(_ text: String, _ path: String, _ locale: String, _ loader: ContentLoader, _ state: inout LoadState) -> Clinic? {
        try? loader.loadClinic(InMemorySource(files: [path: Data(text.utf8)]), &state)
    }

    func write(_ clinic: Clinic, _ writer: CanonicalWriter) -> String? { writer.clinic(clinic) }

    func merge(_ sides: MergeSides<Clinic?>, at place: RecordPlace, _ run: inout MergeRun) throws(TextMergeNeeded) -> Clinic? {
        let fields: [MergeField<Clinic>] =
            MergeField.localized("name", "name", \.name, sides, place) + [
                .text("legalName", "legal name", \.legalName),
                .text("website", "website", \.website),
                .text("phone.e164", "phone number", \.phone.e164),
                .text("phone.display", "phone as written", \.phone.display),
                MergeField("phone.capabilities", "phone used for", \.phone.capabilities, text: MergeText.capabilities),
                .text("email", "email", \.email),
                .text("defaultLocale", "default language", \.defaultLocale),
                .text("timeZone", "time zone", \.timeZone),
                MergeField("copyright", "copyright", \.copyright) { $0.map { "\($0.holder) since \($0.since)" } ?? "none" },
                MergeField("businessTypes", "business types", \.businessTypes, text: MergeText.list),
            ]
        return try RecordMerge(fields: fields).merge(sides, at: place, &run)
    }
}

/// `locations/<id>.yaml`: one location, field by field.
struct LocationFileKind: MergedFileKind {
    func record(_ stem: String) -> (key: String, label: String) { ("location/\(stem)", "location \(stem)") }

    func read(_ text: String, _ path: String, _ locale: String, _ loader: ContentLoader, _ state: inout LoadState) -> Location? {
        loader.readLocation(text, path, ContentLoader.stem(path), locale, &state)
    }

    func write(_ location: Location, _ writer: CanonicalWriter) -> String? { writer.location(location) }

    func merge(_ sides: MergeSides<Location?>, at place: RecordPlace, _ run: inout MergeRun) throws(TextMergeNeeded) -> Location? {
        let fields: [MergeField<Location>] =
            [.text("id", "id", \.id)] + MergeField.localized("label", "label", \.label, sides, place) + [
                MergeField("address.street", "street", \.address.street) { MergeText.list($0) },
                .text("address.city", "city", \.address.city),
                .text("address.state", "state", \.address.state),
                .text("address.zip", "ZIP", \.address.zip),
                .text("address.country", "country", \.address.country),
                MergeField("coordinates", "map position", \.coordinates) { c in
                    c.map { "\(YAMLEmitter.scalar(.double($0.latitude))), \(YAMLEmitter.scalar(.double($0.longitude)))" } ?? "none"
                },
                MergeField("phone", "phone", \.phone) { $0.map(MergeText.phone) ?? "none" },
                MergeField("status", "status", \.status) { $0.rawValue },
            ]
        return try RecordMerge(fields: fields).merge(sides, at: place, &run)
    }
}

/// `faq/<id>.md`: one question, field by field, each text in each locale its own field.
struct FAQFileKind: MergedFileKind {
    func record(_ stem: String) -> (key: String, label: String) { ("faq/\(stem)", "faq \(stem)") }

    func read(_ text: String, _ path: String, _ locale: String, _ loader: ContentLoader, _ state: inout LoadState) -> FAQEntry? {
        loader.readFAQ(text, path, ContentLoader.stem(path), locale, &state)
    }

    func write(_ entry: FAQEntry, _ writer: CanonicalWriter) -> String? { writer.faq(entry) }

    func merge(_ sides: MergeSides<FAQEntry?>, at place: RecordPlace, _ run: inout MergeRun) throws(TextMergeNeeded) -> FAQEntry? {
        let fields: [MergeField<FAQEntry>] =
            [.text("id", "id", \.id)] + MergeField.localized("question", "question", \.question, sides, place)
            + MergeField.localized("answer", "answer", \.answer, sides, place) + [
                .text("category", "category", \.category),
                MergeField("position", "position", \.position) { String($0) },
                MergeField("tags", "tags", \.tags, text: MergeText.list),
                MergeField("lastReviewed", "last reviewed", \.lastReviewed) { $0?.description ?? "none" },
            ]
        return try RecordMerge(fields: fields).merge(sides, at: place, &run)
    }
}

extension MergeText {
    /// `voice, sms`.
    static func capabilities(_ capabilities: [PhoneNumber.Capability]) -> String { list(capabilities.map(\.rawValue)) }

    /// `773.999.9825 (+17739999825; voice, sms)`, or `+17739999825; voice` without a display form.
    static func phone(_ phone: PhoneNumber) -> String {
        let details = "\(phone.e164); \(capabilities(phone.capabilities))"
        return phone.display.map { "\($0) (\(details))" } ?? details
    }
}
