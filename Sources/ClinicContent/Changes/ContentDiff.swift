/// A field-level difference between two versions of the content: what a
/// reviewer reads and what a commit message lists.
public struct EntryChange: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable { case added, removed, changed }

    /// One field's old and new value, as people read them.
    public struct FieldChange: Hashable, Sendable, Codable {
        public var field: String
        public var old: String?
        public var new: String?
        public init(field: String, old: String?, new: String?) {
            self.field = field
            self.old = old
            self.new = new
        }
    }

    /// `faq/what-is-dry-needling`, `location/glenview`, `hours/glenview`, `social`, `clinic`, `categories`.
    public var entry: String
    public var kind: Kind
    public var fields: [FieldChange]
    /// A short human title (`FAQ "What is dry needling?"`, `hours at Glenview`).
    public var title: String
}

/// Compares two versions of the content record by record and field by field.
public enum ContentDiff {
    public static func changes(from old: SiteContent?, to new: SiteContent) -> [EntryChange] {
        let oldRecords = old.map(records) ?? [:]
        let newRecords = records(new)
        var result: [EntryChange] = []
        for key in Set(oldRecords.keys).union(newRecords.keys).sorted(by: entryOrder) {
            let before = oldRecords[key]
            let after = newRecords[key]
            let title = (after ?? before)!.title
            let oldFields = before?.fields ?? []
            let newFields = after?.fields ?? []
            var fields: [EntryChange.FieldChange] = []
            let names = orderedUnion(oldFields.map(\.0), newFields.map(\.0))
            for name in names {
                let o = oldFields.first { $0.0 == name }?.1
                let n = newFields.first { $0.0 == name }?.1
                if o != n { fields.append(.init(field: name, old: o, new: n)) }
            }
            guard !fields.isEmpty else { continue }
            let kind: EntryChange.Kind = before == nil ? .added : after == nil ? .removed : .changed
            result.append(EntryChange(entry: key, kind: kind, fields: fields, title: title))
        }
        return result
    }

    /// Clinic first, then locations, hours, categories, FAQ, social.
    static func entryOrder(_ a: String, _ b: String) -> Bool {
        let rank = ["clinic", "location", "hours", "categories", "faq", "social"]
        func r(_ key: String) -> Int { rank.firstIndex(of: String(key.split(separator: "/")[0])) ?? rank.count }
        return (r(a), a) < (r(b), b)
    }

    static func orderedUnion(_ a: [String], _ b: [String]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for name in a + b where seen.insert(name).inserted { out.append(name) }
        return out
    }

    struct Record {
        var title: String
        var fields: [(String, String)]
    }

    static func records(_ content: SiteContent) -> [String: Record] {
        let locale = content.clinic.defaultLocale
        let writer = CanonicalWriter(defaultLocale: locale)
        var records: [String: Record] = [:]
        func label(_ text: LocalizedText?) -> String { text?.text(for: locale, defaultLocale: locale) ?? "" }
        records["clinic"] = Record(title: "clinic details", fields: flatten(writer.clinicValue(content.clinic)))
        for location in content.locations {
            records["location/\(location.id)"] = Record(
                title: "location \(label(location.label))", fields: flatten(writer.locationValue(location)))
        }
        for hours in content.hours {
            let name = content.location(hours.location).map { label($0.label) } ?? hours.location
            records["hours/\(hours.location)"] = Record(title: "hours at \(name)", fields: weekTable(hours, locale: locale))
        }
        if !content.categories.isEmpty {
            records["categories"] = Record(title: "FAQ categories", fields: content.categories.map { ($0.id, label($0.title)) })
        }
        for entry in content.faq {
            var fields: [(String, String)] = []
            for l in entry.question.locales(defaultLocale: locale) {
                fields.append((l == locale ? "question" : "question (\(l))", entry.question.translations[l]!))
            }
            for l in entry.answer.locales(defaultLocale: locale) {
                fields.append((l == locale ? "answer" : "answer (\(l))", entry.answer.translations[l]!))
            }
            fields += [("category", entry.category), ("position", String(entry.position))]
            if !entry.tags.isEmpty { fields.append(("tags", entry.tags.joined(separator: ", "))) }
            if let reviewed = entry.lastReviewed { fields.append(("lastReviewed", reviewed.description)) }
            records["faq/\(entry.id)"] = Record(title: "FAQ \"\(label(entry.question))\"", fields: fields)
        }
        if !content.social.isEmpty {
            records["social"] = Record(
                title: "social links",
                fields: content.social.map { link in
                    (link.network.rawValue, link.url + (link.handle.map { " (\($0))" } ?? ""))
                })
        }
        return records
    }

    /// Hours as a reader sees them: one line per weekday, then each special date.
    public static func weekTable(_ hours: LocationHours, locale: String) -> [(String, String)] {
        var rows: [(String, String)] = Weekday.allCases.map { day in
            let ranges = hours.ranges(on: day)
            if !ranges.isEmpty { return (day.shortName, ranges.map(\.canonicalLabel).joined(separator: ", ")) }
            if let appointment = hours.appointment(on: day) {
                let note = appointment.note?.text(for: locale, defaultLocale: locale)
                return (day.shortName, "by appointment" + (note.map { " (\($0))" } ?? ""))
            }
            return (day.shortName, "closed")
        }
        for special in hours.special.sorted(by: { $0.from < $1.from }) {
            let dates = special.through.map { "\(special.from)..\($0)" } ?? special.from.description
            let what = special.closed ? "closed" : special.ranges.map(\.canonicalLabel).joined(separator: ", ")
            let reason = special.reason?.text(for: locale, defaultLocale: locale)
            rows.append((dates, what + (reason.map { " (\($0))" } ?? "")))
        }
        return rows
    }

    /// Dotted `field: value` pairs of a record, in file order.
    static func flatten(_ value: YAMLValue, path: String = "") -> [(String, String)] {
        switch value {
        case .map(let pairs):
            return pairs.flatMap { flatten($0.1, path: path.isEmpty ? $0.0 : "\(path).\($0.0)") }
        case .list(let items):
            return items.enumerated().flatMap { flatten($0.element, path: "\(path)[\($0.offset)]") }
        case .flow(let items):
            return [(path, items.joined(separator: ", "))]
        case .string(let text):
            return [(path, text)]
        default:
            return [(path, YAMLEmitter.scalar(value))]
        }
    }
}
