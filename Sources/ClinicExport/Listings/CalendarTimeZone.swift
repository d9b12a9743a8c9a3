import ClinicContent
import Foundation

/// An RFC 5545 `VTIMEZONE` for the clinic's zone, from the system's time zone
/// data: one observance per clock change in the years a calendar covers
/// (no `RRULE`, so it says exactly what the data says), or one `STANDARD`
/// observance for a zone without changes.
enum CalendarTimeZone {
    static func lines(_ zone: TimeZone, years: ClosedRange<Int>) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: years.lowerBound, month: 1, day: 1))!
        let end = calendar.date(from: DateComponents(year: years.upperBound + 1, month: 1, day: 1))!
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        var at = start
        var changes = 0
        while let change = zone.nextDaylightSavingTimeTransition(after: at), change < end {
            let before = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: change)
            let kind = zone.isDaylightSavingTime(for: change) ? "DAYLIGHT" : "STANDARD"
            lines += observance(kind, starts: stamp(change.addingTimeInterval(TimeInterval(before))), from: before, to: after)
            changes += 1
            at = change
        }
        if changes == 0 {
            let offset = zone.secondsFromGMT(for: start)
            lines += observance("STANDARD", starts: "19700101T000000", from: offset, to: offset)
        }
        return lines + ["END:VTIMEZONE"]
    }

    static func observance(_ kind: String, starts: String, from: Int, to: Int) -> [String] {
        ["BEGIN:\(kind)", "DTSTART:\(starts)", "TZOFFSETFROM:\(offset(from))", "TZOFFSETTO:\(offset(to))", "END:\(kind)"]
    }

    /// `-0600`, `+0530`.
    static func offset(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + two(minutes / 60) + two(minutes % 60)
    }

    /// `20261231T070000` of `date` read as UTC.
    static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(c.year!) + two(c.month!) + two(c.day!) + "T" + two(c.hour!) + two(c.minute!) + two(c.second!)
    }

    static func two(_ value: Int) -> String { (value < 10 ? "0" : "") + "\(value)" }

    /// `20261231` for a date, `20261231T070000` for a date and minutes after its midnight (up to 24:00).
    static func local(_ day: CalendarDay, minutes: Int? = nil) -> String {
        let date = String(format: "%04d%02d%02d", day.year, day.month, day.day)
        guard let minutes else { return date }
        if minutes >= 1440 { return local(day.next, minutes: minutes - 1440) }
        return date + "T" + two(minutes / 60) + two(minutes % 60) + "00"
    }
}
