import ClinicContent
import ClinicWorkflow
import Foundation

extension Output {
    /// JSON whose times are ISO 8601 in the clinic's time zone, with its offset (`2026-11-29T10:42:00-06:00`).
    static func printJSON<T: Encodable>(_ value: T, in zone: ClinicTimeZone) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(zone.iso8601(date))
        }
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// `Sat: "by appointment" → "09:00-13:00"`, as the review shows a field's change.
    static func fieldChange(_ change: EntryChange.FieldChange) -> String {
        switch (change.old, change.new) {
        case (let old?, let new?) where change.move != nil: "\(change.field): moved from \(old) to \(new)"
        case (nil, let new?): "\(change.field): \(describe(new)) (added)"
        case (let old?, nil): "\(change.field): \(describe(old)) (removed)"
        default: "\(change.field): \(describe(change.old)) → \(describe(change.new))"
        }
    }
}
