import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct Hours: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hours",
        abstract: "Show and change opening hours.",
        discussion: """
            Days: mon, monday, mon-thu, mon,wed,fri, weekdays, weekends, daily.
            Times: 07:00, 7:00, 7am, 7:30pm, 19:00; a range is OPEN-CLOSE, e.g. 7am-3pm.
            A bare closing hour is afternoon when that keeps the range in one day: 8-5 is 08:00-17:00.
            A range past midnight (22:00-06:00) needs --overnight.
            """,
        subcommands: [Show.self, Set.self, Closed.self, Appointment.self, Special.self, Export.self])

    static func days(_ text: String) throws -> [Weekday] {
        guard let days = Weekday.parseSet(text) else {
            throw ValidationError("\"\(text)\" is not a set of days; write mon, mon-thu, mon,wed,fri, weekdays or daily")
        }
        return days
    }

    /// The ranges in `text`, refusing one that ends at or before it starts unless `overnight`.
    static func ranges(_ text: String, overnight: Bool) throws -> [TimeRange] {
        let ranges = try text.split(separator: ",").map { part throws -> TimeRange in
            do {
                return try TimeRange(typed: String(part).trimmingCharacters(in: .whitespaces), overnight: overnight)
            } catch let error as HoursInputError {
                throw ValidationError(error.code == .endsBeforeStart ? error.description + " (--overnight)" : error.description)
            }
        }
        if overnight && !ranges.contains(where: { $0.overnight }) {
            throw ValidationError("--overnight was given, but no range in \"\(text)\" runs past midnight")
        }
        return ranges
    }

    /// `; did you mean 2026-12-24?` for a date written `12/24/2026`, else nothing.
    static func didYouMean(_ text: String) -> String {
        CalendarDay.suggestion(for: text).map { "; did you mean \($0)?" } ?? ""
    }

    /// A date (2026-12-24) or an inclusive range (2026-12-24..2026-12-26).
    static func dates(_ text: String) throws -> (CalendarDay, CalendarDay?) {
        let parts = text.components(separatedBy: "..")
        guard (1...2).contains(parts.count), let from = CalendarDay(parts[0]) else {
            if parts.count <= 2, let reason = CalendarDay.problem(in: parts[0]) { throw ValidationError(notADate(parts[0], reason)) }
            throw ValidationError(
                "\"\(text)\" is not a date like 2026-12-24 or a range like 2026-12-24..2026-12-26" + didYouMean(parts[0]))
        }
        guard parts.count == 2 else { return (from, nil) }
        guard let through = CalendarDay(parts[1]) else {
            if let reason = CalendarDay.problem(in: parts[1]) { throw ValidationError(notADate(parts[1], reason)) }
            throw ValidationError("\"\(parts[1])\" is not a date like 2026-12-26" + didYouMean(parts[1]))
        }
        return (from, through)
    }

    /// `"2026-02-30" is not a date: February 2026 has 28 days`.
    static func notADate(_ text: String, _ reason: String) -> String { "\"\(text)\" is not a date: \(reason)" }
}
