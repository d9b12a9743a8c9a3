import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct Hours: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show and change opening hours.",
        discussion: """
            Days: mon, monday, mon-thu, mon,wed,fri, weekdays, weekends, daily.
            Times: 07:00, 7:00, 7am, 7:30pm, 19:00; a range is OPEN-CLOSE, e.g. 7am-3pm.
            """,
        subcommands: [Show.self, Set.self, Closed.self, Appointment.self, Special.self])

    static func days(_ text: String) throws -> [Weekday] {
        guard let days = Weekday.parseSet(text) else {
            throw ValidationError("\"\(text)\" is not a set of days; write mon, mon-thu, mon,wed,fri, weekdays or daily")
        }
        return days
    }

    static func ranges(_ text: String) throws -> [TimeRange] {
        try text.split(separator: ",").map { part in
            guard let range = TimeRange(parsing: String(part).trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("\"\(part)\" is not a time range; write OPEN-CLOSE like 07:00-19:00 or 7am-3pm")
            }
            return range
        }
    }

    /// A date (2026-12-24) or an inclusive range (2026-12-24..2026-12-26).
    static func dates(_ text: String) throws -> (CalendarDay, CalendarDay?) {
        let parts = text.components(separatedBy: "..")
        guard (1...2).contains(parts.count), let from = CalendarDay(parts[0]) else {
            throw ValidationError("\"\(text)\" is not a date like 2026-12-24 or a range like 2026-12-24..2026-12-26")
        }
        guard parts.count == 2 else { return (from, nil) }
        guard let through = CalendarDay(parts[1]) else { throw ValidationError("\"\(parts[1])\" is not a date like 2026-12-26") }
        return (from, through)
    }
}
