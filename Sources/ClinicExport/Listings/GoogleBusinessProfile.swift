import ClinicContent
import Foundation

/// The body of a Business Information API v1 `locations.patch` for a
/// location's hours (`google-business-profile.json`): `updateMask` and the
/// `Location` fields it names, as Google's discovery document
/// (`mybusinessbusinessinformation.v1.json`) spells them.
///
/// Google has no "by appointment": such a day is left out of `regularHours`
/// (Google shows it closed). An overnight range closes on the next day
/// (`closeDay`); 24:00 is midnight at the end of a day. Special hours have
/// one period per date (per range on a date with several), from the
/// commit's date on.
public enum GoogleBusinessProfile {
    public static let updateMask = "openInfo.status,regularHours,specialHours"
    static let dayNames = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]

    public static func document(_ location: Location, _ hours: ListingHours) -> JSONValue {
        [
            "location": [
                "openInfo": ["status": .string(status(location.status))],
                "regularHours": ["periods": .array(regularPeriods(hours.hours))],
                "specialHours": ["specialHourPeriods": .array(specialPeriods(hours))],
            ],
            "updateMask": .string(updateMask),
        ]
    }

    /// `OpenInfo.status`.
    static func status(_ status: Location.Status) -> String {
        switch status {
        case .open: "OPEN"
        case .temporarilyClosed: "CLOSED_TEMPORARILY"
        case .permanentlyClosed: "CLOSED_PERMANENTLY"
        }
    }

    /// One `TimePeriod` per weekly range, Monday first.
    static func regularPeriods(_ hours: LocationHours) -> [JSONValue] {
        Weekday.allCases.flatMap { day in
            hours.ranges(on: day).map { range -> JSONValue in
                let nextDay = range.interval.upperBound > 1440
                return [
                    "closeDay": .string(dayNames[(nextDay ? day.next : day).index]),
                    "closeTime": time(range.closes.minutes),
                    "openDay": .string(dayNames[day.index]),
                    "openTime": time(range.opens.minutes),
                ]
            }
        }
    }

    /// One `SpecialHourPeriod` per closed date, or per range of an open one.
    static func specialPeriods(_ hours: ListingHours) -> [JSONValue] {
        hours.special.flatMap { day, entry -> [JSONValue] in
            let ranges = ListingHours.ranges(of: entry)
            guard !ranges.isEmpty else { return [["closed": true, "startDate": date(day)]] }
            return ranges.map { range in
                let nextDay = range.interval.upperBound > 1440
                return .object(
                    optional: [
                        ("closeTime", time(range.closes.minutes)),
                        ("endDate", nextDay ? date(day.next) : nil),
                        ("openTime", time(range.opens.minutes)),
                        ("startDate", date(day)),
                    ])
            }
        }
    }

    /// `TimeOfDay`: `{"hours": 24, "minutes": 0}` for midnight at the end of a day.
    static func time(_ minutes: Int) -> JSONValue { ["hours": .int(minutes / 60), "minutes": .int(minutes % 60)] }

    /// `Date`.
    static func date(_ day: CalendarDay) -> JSONValue { ["day": .int(day.day), "month": .int(day.month), "year": .int(day.year)] }
}
