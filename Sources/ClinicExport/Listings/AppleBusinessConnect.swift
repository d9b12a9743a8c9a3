import ClinicContent
import Foundation

/// A location's hours in Apple Business Connect's location shape
/// (`apple-business-connect.json`): `openingHoursByDay[] {day, times[{startTime, endTime}]}`
/// and `specialHours[]`, each special entry from the commit's date on with
/// its dates, `closed`, and its `times` when open.
///
/// A day by appointment is left out (Apple, like Google, has no such state);
/// an overnight range ends before it starts (`21:00`-`02:00`); 24:00 is the end of a day.
public enum AppleBusinessConnect {
    static let dayNames = GoogleBusinessProfile.dayNames

    public static func document(_ location: Location, _ hours: ListingHours, locale: String) -> JSONValue {
        [
            "locationStatus": .string(status(location.status)),
            "openingHoursByDay": .array(
                Weekday.allCases.compactMap { day in
                    let ranges = hours.hours.ranges(on: day)
                    guard !ranges.isEmpty else { return nil }
                    return ["day": .string(dayNames[day.index]), "times": .array(ranges.map(times))]
                }),
            "specialHours": .array(special(hours, locale: locale)),
        ]
    }

    static func status(_ status: Location.Status) -> String {
        switch status {
        case .open: "OPEN"
        case .temporarilyClosed: "TEMPORARILY_CLOSED"
        case .permanentlyClosed: "PERMANENTLY_CLOSED"
        }
    }

    static func times(_ range: TimeRange) -> JSONValue {
        ["endTime": .string(range.closes.description), "startTime": .string(range.opens.description)]
    }

    /// The listed special dates, consecutive dates of one entry as one item.
    static func special(_ hours: ListingHours, locale: String) -> [JSONValue] {
        var runs: [(first: CalendarDay, last: CalendarDay, entry: SpecialHours)] = []
        for (day, entry) in hours.special {
            if let last = runs.last, last.entry == entry, last.last.next == day {
                runs[runs.count - 1].last = day
            } else {
                runs.append((day, day, entry))
            }
        }
        return runs.map { run in
            let ranges = ListingHours.ranges(of: run.entry)
            return .object(
                optional: [
                    ("closed", .bool(ranges.isEmpty)),
                    ("description", .string(run.entry.reason?.text(for: locale, defaultLocale: locale))),
                    ("endDate", .string(run.last.description)),
                    ("startDate", .string(run.first.description)),
                    ("times", ranges.isEmpty ? nil : .array(ranges.map(times))),
                ])
        }
    }
}
