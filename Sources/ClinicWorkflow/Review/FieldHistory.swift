import ClinicContent
internal import ClinicGit
import Foundation

extension ContentRepository {

    /// The field as the review names it: a day of an hours entry as `Sat`, anything else as typed.
    static func fieldName(_ typed: String, in entry: String) -> String {
        if entry.hasPrefix("hours/"), let day = Weekday.parseOne(typed) { return day.shortName }
        return typed.trimmingCharacters(in: .whitespaces)
    }

    /// `Sat (es)` is part of `Sat`, `address.city` of `address`, `address.street[0]` of `address.street`.
    static func field(_ name: String, isPartOf wanted: String) -> Bool {
        let name = name.lowercased()
        let wanted = wanted.lowercased()
        return name == wanted || [" (", ".", "[", " "].contains { name.hasPrefix(wanted + $0) }
    }

    /// Each name once, in first-seen order.
    static func distinct(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// `Sat (es)` → `Sat`: the name a person types.
    static func baseFieldName(_ name: String) -> String {
        name.range(of: " (").map { String(name[..<$0.lowerBound]) } ?? name
    }
}

extension Reviews {
    /// The published history of `entry` (`hours/glenview`, `faq/x`, `social`…),
    /// newest first; with `field`, only the changes that altered that field,
    /// each carrying the field's old and new value (`fieldChanges`).
    ///
    /// A field is named as the review shows it (`answer`, `address.city`,
    /// `phone`); for hours, a day in any form people write it (`sat`,
    /// `Saturday`, `Sat.`). Its other locales (`Sat (es)`) and parts
    /// (`address.street[0]`) count as the field. An entry that never existed,
    /// or a field the entry never had, is refused with the names there are.
    public func history(entry: String, field: String?, limit: Int = 200) throws -> [PublishedChange] {
        let changes = try history(entry: entry, limit: limit)
        let current = ContentDiff.changes(from: nil, to: try repository.load(at: repository.publishedTip()).content)
        if changes.isEmpty && !current.contains(where: { $0.entry == entry || $0.entry.hasPrefix(entry + "/") }) {
            let kind = entry.split(separator: "/").first.map(String.init) ?? entry
            let known = current.map(\.entry).filter { $0.hasPrefix(kind + "/") }.map { String($0.dropFirst(kind.count + 1)) }
            throw WorkflowError(
                .notFound,
                "there is no \(kind) entry \"\(entry.dropFirst(kind.count + 1))\" in the published content or its history"
                    + (known.isEmpty ? "" : "; \(kind): \(known.joined(separator: ", "))"),
                entry: entry)
        }
        guard let field else { return changes }
        let diffs = try changes.map { try fieldChanges(of: entry, in: $0.commit.id) }
        let names = ContentRepository.distinct(
            current.filter { $0.entry == entry }.flatMap(\.fields).map(\.field) + diffs.joined().map(\.field))
        let wanted = ContentRepository.fieldName(field, in: entry)
        guard names.contains(where: { ContentRepository.field($0, isPartOf: wanted) }) else {
            let choices = ContentRepository.distinct(names.map(ContentRepository.baseFieldName))
            throw WorkflowError(
                .notFound,
                "\(entry) has no field \"\(field)\"; its fields: \(choices.joined(separator: ", "))"
                    + (entry.hasPrefix("hours/") ? " (a day also as sat, Saturday…)" : ""),
                entry: entry)
        }
        return zip(changes, diffs).compactMap { change, fields in
            let matching = fields.filter { ContentRepository.field($0.field, isPartOf: wanted) }
            guard !matching.isEmpty else { return nil }
            var change = change
            change.fieldChanges = matching
            return change
        }
    }

    /// The field-level changes `commit` made to `entry`, against its first parent.
    func fieldChanges(of entry: String, in commit: ObjectID) throws -> [EntryChange.FieldChange] {
        let parent = try repository.withGit(revision: commit.hex) { try $0.commit(commit).parents.first }
        let before = try parent.map { try repository.load(at: $0).content }
        let after = try repository.load(at: commit).content
        return ContentDiff.changes(from: before, to: after).filter { $0.entry == entry }.flatMap(\.fields)
    }
}
