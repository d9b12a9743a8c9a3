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
            A bare closing hour is afternoon when that keeps the range in one day: 8-5 is 08:00-17:00.
            A range past midnight (22:00-06:00) needs --overnight.
            """,
        subcommands: [Show.self, Set.self, Closed.self, Appointment.self, Special.self])

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
}

extension Hours {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show each location's week and special dates.")
        @Argument(help: "Only this location.") var location: String?
        @OptionGroup var options: ReadOptions

        struct Week: Encodable {
            struct Day: Encodable {
                var day: String
                var status: String
                var ranges: [String]
                var note: String?
            }
            struct Special: Encodable {
                var from: String
                var through: String?
                var closed: Bool
                var ranges: [String]
                var reason: String?
            }
            var location: String, label: String, days: [Day], special: [Special]
        }

        func run() throws {
            try Output.guarded {
                let content = try options.load().1.content
                let locale = content.clinic.defaultLocale
                var locations = content.locations
                if let location {
                    guard let one = content.location(location) else {
                        throw WorkflowError.noLocation(location, in: content)
                    }
                    locations = [one]
                }
                let weeks = locations.map { loc -> Week in
                    let hours = content.hours(for: loc.id) ?? LocationHours(location: loc.id)
                    return Week(
                        location: loc.id, label: loc.label.text(for: locale, defaultLocale: locale) ?? loc.id,
                        days: Weekday.allCases.map { day in
                            let ranges = hours.ranges(on: day)
                            let appointment = hours.appointment(on: day)
                            return Week.Day(
                                day: day.rawValue, status: !ranges.isEmpty ? "open" : appointment != nil ? "by-appointment" : "closed",
                                ranges: ranges.map(\.canonicalLabel), note: appointment?.note?.text(for: locale, defaultLocale: locale))
                        },
                        special: hours.special.map {
                            Week.Special(
                                from: $0.from.description, through: $0.through?.description, closed: $0.closed,
                                ranges: $0.ranges.map(\.canonicalLabel), reason: $0.reason?.text(for: locale, defaultLocale: locale))
                        })
                }
                if options.json { return try Output.printJSON(weeks) }
                for (index, location) in locations.enumerated() {
                    if index > 0 { print("") }
                    print("\(weeks[index].label) (\(location.id))")
                    print(Output.weekTable(content.hours(for: location.id) ?? LocationHours(location: location.id), locale: locale))
                }
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open days with the given ranges, replacing what they had.",
            discussion: "Example: clinicctl hours set the-loop mon-thu 07:00-19:00")
        @Argument(help: "The location's id.") var location: String
        @Argument(help: "Days, e.g. mon-thu.") var days: String
        @Argument(help: "Ranges, e.g. 07:00-19:00 or 7am-12pm,1pm-5pm.") var ranges: String
        @Flag(help: "Allow a range that closes the next day, e.g. 22:00-06:00.") var overnight = false
        @OptionGroup var write: WriteOptions

        func run() throws {
            let days = try Hours.days(self.days)
            let ranges = try Hours.ranges(self.ranges, overnight: overnight)
            try write.commit { _ in HoursEdits.set(location, days: days, ranges: ranges) }
        }
    }

    struct Closed: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close days (no hours, not by appointment).")
        @Argument(help: "The location's id.") var location: String
        @Argument(help: "Days, e.g. sat,sun.") var days: String
        @OptionGroup var write: WriteOptions

        func run() throws {
            let days = try Hours.days(self.days)
            try write.commit { _ in HoursEdits.closed(location, days: days) }
        }
    }

    struct Appointment: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark days as by appointment only.")
        @Argument(help: "The location's id.") var location: String
        @Argument(help: "Days, e.g. sat.") var days: String
        @Option(help: "A note shown with the day, e.g. \"By appointment\".") var note: String?
        @OptionGroup var write: WriteOptions

        func run() throws {
            let days = try Hours.days(self.days)
            try write.commit { _ in HoursEdits.appointment(location, days: days, note: note) }
        }
    }

    struct Special: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Holiday and other dated hours.", subcommands: [Add.self, Remove.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Set special hours for a date or dates.",
                discussion:
                    "Examples: hours special add the-loop 2026-12-24..2026-12-26 --closed --reason Christmas\n          hours special add glenview 2026-12-31 07:00-12:00"
            )
            @Argument(help: "The location's id.") var location: String
            @Argument(help: "A date (2026-12-24) or range (2026-12-24..2026-12-26).") var dates: String
            @Argument(help: "Ranges, unless --closed.") var ranges: String?
            @Flag(help: "Closed all day.") var closed = false
            @Option(help: "Why, shown to visitors (e.g. Christmas).") var reason: String?
            @Flag(help: "Allow a range that closes the next day, e.g. 22:00-02:00.") var overnight = false
            @OptionGroup var write: WriteOptions

            func validate() throws {
                if closed == (ranges != nil) { throw ValidationError("give either --closed or the hours (e.g. 07:00-12:00)") }
            }

            func run() throws {
                let parts = dates.components(separatedBy: "..")
                guard (1...2).contains(parts.count), let from = CalendarDay(parts[0]) else {
                    throw ValidationError("\"\(dates)\" is not a date like 2026-12-24 or a range like 2026-12-24..2026-12-26")
                }
                let through = parts.count == 2 ? CalendarDay(parts[1]) : nil
                if parts.count == 2 && through == nil { throw ValidationError("\"\(parts[1])\" is not a date like 2026-12-26") }
                let ranges = try self.ranges.map { try Hours.ranges($0, overnight: overnight) } ?? []
                try write.commit { content in
                    let locale = content.clinic.defaultLocale
                    return HoursEdits.addSpecial(
                        location,
                        SpecialHours(
                            from: from, through: through, closed: closed, ranges: ranges,
                            reason: reason.map { LocalizedText($0, locale: locale) }))
                }
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Remove the special hours on a date.")
            @Argument(help: "The location's id.") var location: String
            @Argument(help: "The date the special hours start on (or cover).") var date: String
            @OptionGroup var write: WriteOptions

            func run() throws {
                guard let day = CalendarDay(date) else { throw ValidationError("\"\(date)\" is not a date like 2026-12-24") }
                try write.commit { _ in HoursEdits.removeSpecial(location, date: day) }
            }
        }
    }
}
