import ClinicContent
import Foundation

/// An RFC 5545 calendar of a location's special dates (`special-hours.ics`):
/// a closed date is an all-day event (`DTSTART;VALUE=DATE`, `DTEND` the day
/// after), each range of an open one a timed event in the clinic's zone
/// (`TZID` and its `VTIMEZONE`). `UID`s are made of the date, the opening
/// time and the location, so a subscribed calendar updates in place;
/// `DTSTAMP` is the commit's time. Lines end in CRLF and fold at 75 octets.
public enum SpecialHoursCalendar {
    public struct Names: Sendable {
        public var clinic: String
        public var location: String
        public var locale: String
    }

    public static func text(_ location: Location, _ hours: ListingHours, names: Names, zone: TimeZone, stamp: Date) -> String {
        let zone = TimeZone(identifier: zone.identifier) ?? TimeZone(identifier: "UTC")!
        let stampDate = stamp
        let stamp = CalendarTimeZone.stamp(stamp) + "Z"
        var events: [String] = []
        for (day, entry) in hours.special {
            let reason = entry.reason?.text(for: names.locale, defaultLocale: names.locale).map { " (\($0))" } ?? ""
            let ranges = ListingHours.ranges(of: entry)
            if ranges.isEmpty {
                events += event(
                    uid: "\(day)-closed.\(location.id)@clinicctl", stamp: stamp,
                    start: "DTSTART;VALUE=DATE:\(CalendarTimeZone.local(day))",
                    end: "DTEND;VALUE=DATE:\(CalendarTimeZone.local(day.next))",
                    summary: "\(names.location): Closed\(reason)", transparent: true)
            }
            for range in ranges {
                events += event(
                    uid: "\(day)-\(CalendarTimeZone.local(day, minutes: range.opens.minutes).suffix(6)).\(location.id)@clinicctl",
                    stamp: stamp,
                    start: "DTSTART;TZID=\(zone.identifier):\(CalendarTimeZone.local(day, minutes: range.interval.lowerBound))",
                    end: "DTEND;TZID=\(zone.identifier):\(CalendarTimeZone.local(day, minutes: range.interval.upperBound))",
                    summary: "\(names.location): Open \(range.canonicalLabel)\(reason)", transparent: true)
            }
        }
        // The zone's changes from the year before the first event (or the commit) to the last one.
        let today = CalendarDay(stampDate, timeZone: zone).year
        let eventYears = hours.special.map(\.day.year)
        let years = (min(eventYears.min() ?? today, today) - 1)...max(eventYears.max() ?? today, today)
        let lines =
            [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//clinicctl//listings//EN", "CALSCALE:GREGORIAN",
                "X-WR-CALNAME:" + escape("\(names.clinic) – \(names.location): special hours"),
                "X-WR-TIMEZONE:\(zone.identifier)",
            ] + CalendarTimeZone.lines(zone, years: years) + events + ["END:VCALENDAR"]
        return lines.map(fold).joined()
    }

    static func event(uid: String, stamp: String, start: String, end: String, summary: String, transparent: Bool) -> [String] {
        [
            "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:\(stamp)", start, end, "SUMMARY:" + escape(summary),
            "TRANSP:" + (transparent ? "TRANSPARENT" : "OPAQUE"), "END:VEVENT",
        ]
    }

    /// RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped; other control characters dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            default: if scalar.value >= 0x20 && scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// The line with CRLF, folded so that no physical line exceeds 75 octets,
    /// never inside a UTF-8 sequence; a continuation starts with one space.
    static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out + "\r\n"
    }
}
