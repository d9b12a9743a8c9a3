import ClinicContent
import Foundation

/// The clinic's own time zone (`timeZone` in content/clinic.yaml), in which
/// every time a person reads is shown, with the zone named.
public struct ClinicTimeZone: Sendable, Hashable {
    /// The IANA id (`America/Chicago`); `UTC` when the content names none that exists.
    public let identifier: String
    let zone: TimeZone

    /// The zone `identifier` names, or UTC when it names none.
    public init(identifier: String) {
        if let zone = TimeZone(identifier: identifier) {
            self.identifier = identifier
            self.zone = zone
        } else {
            self.identifier = "UTC"
            self.zone = TimeZone(identifier: "UTC")!
        }
    }

    /// `2026-11-29 10:42 CST`: local wall time and the zone's short name at that moment.
    public func text(_ date: Date) -> String { format(date, "yyyy-MM-dd HH:mm zzz") }

    /// `2026-11-29T10:42:00-06:00`: ISO 8601 with the clinic's offset at that moment.
    public func iso8601(_ date: Date) -> String { format(date, "yyyy-MM-dd'T'HH:mm:ssxxxxx") }

    func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}

extension Reviews {
    /// The time zone of the clinic as published; UTC when the published content names none.
    public func clinicTimeZone() throws -> ClinicTimeZone {
        ClinicTimeZone(identifier: try repository.load(at: repository.publishedTip()).content.clinic.timeZone)
    }
}
