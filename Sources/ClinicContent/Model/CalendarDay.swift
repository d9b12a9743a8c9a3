import Foundation

/// A calendar date without a time or zone (`2026-12-24`), read in the clinic's time zone.
public struct CalendarDay: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A real date only: `2026-02-30` is nil.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The date a person probably meant by `12/24/2026` or `12-24-2026` (month
    /// first, as in the United States), for a "did you mean" hint; nil otherwise.
    public static func suggestion(for text: String) -> CalendarDay? {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts[2].count == 4, let m = Int(parts[0]), let d = Int(parts[1]), let y = Int(parts[2]) else {
            return nil
        }
        return CalendarDay(year: y, month: m, day: d)
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    public static func < (a: Self, b: Self) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The day after.
    public var next: CalendarDay {
        if day < Self.daysIn(month: month, year: year) { return CalendarDay(year: year, month: month, day: day + 1)! }
        if month < 12 { return CalendarDay(year: year, month: month + 1, day: 1)! }
        return CalendarDay(year: year + 1, month: 1, day: 1) ?? self
    }

    /// The day before.
    public var previous: CalendarDay {
        if day > 1 { return CalendarDay(year: year, month: month, day: day - 1)! }
        if month > 1 { return CalendarDay(year: year, month: month - 1, day: Self.daysIn(month: month - 1, year: year))! }
        return CalendarDay(year: year - 1, month: 12, day: 31) ?? self
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The day of the week (proleptic Gregorian, Zeller-style).
    public var weekday: Weekday {
        // Sakamoto's method: 0 = Sunday.
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        let w = (y + y / 4 - y / 100 + y / 400 + t[month - 1] + day) % 7
        return Weekday.allCases[(w + 6) % 7]
    }

    /// Today in `timeZone`, from an injected clock reading.
    public init(_ date: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
