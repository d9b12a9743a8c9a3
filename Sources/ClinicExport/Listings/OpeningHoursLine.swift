import ClinicContent
import Foundation

/// One line of OpenStreetMap `opening_hours` syntax for a location
/// (`Mo-Th 07:00-19:00; Fr 07:00-15:00; Sa unknown "by appointment"; 2026 Dec 24-26 off`).
///
/// Each rule states a whole day, no range crosses midnight (an overnight
/// range is written up to 24:00 and from 00:00 on the next day), because in
/// `opening_hours` a later rule for a day replaces all of that day, the part
/// spilled from the evening before included. Weekly rules come first, then a
/// rule per date whose hours differ from its weekday's (`ListingHours.datesApart`).
public enum OpeningHoursLine {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let dayNames = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]

    /// The line, without a line break.
    public static func line(_ hours: ListingHours) -> String {
        var rules: [String] = []
        var groups: [(days: [Weekday], text: String)] = []
        for day in Weekday.allCases {
            let text = dayText(hours.openMinutes(on: day), appointment: hours.hours.appointment(on: day) != nil)
            guard text != "off" else { continue }
            if let index = groups.firstIndex(where: { $0.text == text }) {
                groups[index].days.append(day)
            } else {
                groups.append(([day], text))
            }
        }
        rules += groups.map { rule(days($0.days), $0.text) }
        var dated: [(first: CalendarDay, last: CalendarDay, text: String)] = []
        for day in hours.datesApart {
            let text = dayText(hours.openMinutes(on: day), appointment: hours.byAppointment(on: day))
            if let last = dated.last, last.last.next == day, last.text == text, last.first.month == day.month,
                last.first.year == day.year
            {
                dated[dated.count - 1].last = day
            } else {
                dated.append((day, day, text))
            }
        }
        rules += dated.map { rule(dates($0.first, $0.last), $0.text) }
        return rules.isEmpty ? "off" : rules.joined(separator: "; ")
    }

    /// A rule for `selector`; each part after the first is an additional rule
    /// (`Sa 00:00-02:00 open, Sa 02:00-24:00 unknown "by appointment"`), which needs its own selector.
    static func rule(_ selector: String, _ text: String) -> String {
        text.components(separatedBy: ", ").map { "\(selector) \($0)" }.joined(separator: ", ")
    }

    /// `07:00-15:00,21:00-24:00`, `unknown "by appointment"`, `off`, or
    /// `00:00-02:00 open, 02:00-24:00 unknown "by appointment"` for a night spilling into an appointment day.
    static func dayText(_ open: [Range<Int>], appointment: Bool) -> String {
        let unknown = "unknown \"by appointment\""
        guard appointment else { return open.isEmpty ? "off" : open.map(range).joined(separator: ",") }
        guard !open.isEmpty else { return unknown }
        var parts: [String] = []
        var at = 0
        for part in open {
            if part.lowerBound > at { parts.append("\(range(at..<part.lowerBound)) \(unknown)") }
            parts.append("\(range(part)) open")
            at = part.upperBound
        }
        if at < 1440 { parts.append("\(range(at..<1440)) \(unknown)") }
        return parts.joined(separator: ", ")
    }

    static func range(_ minutes: Range<Int>) -> String { "\(time(minutes.lowerBound))-\(time(minutes.upperBound))" }

    static func time(_ minutes: Int) -> String {
        let hour = minutes / 60
        let minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// `Mo-Th`, `Mo,We`, `Sa`: runs of three or more days as a range.
    static func days(_ days: [Weekday]) -> String {
        Weekday.runs(days).map { run in
            run.count > 2 ? "\(dayNames[run[0].index])-\(dayNames[run.last!.index])" : run.map { dayNames[$0.index] }.joined(separator: ",")
        }.joined(separator: ",")
    }

    /// `2026 Dec 24` or `2026 Dec 24-26`.
    static func dates(_ first: CalendarDay, _ last: CalendarDay) -> String {
        let day = { (d: CalendarDay) in (d.day < 10 ? "0" : "") + "\(d.day)" }
        let start = "\(first.year) \(monthNames[first.month - 1]) \(day(first))"
        return first == last ? start : "\(start)-\(day(last))"
    }
}
