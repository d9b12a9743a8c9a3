/// Opening and closing time of one stretch of a day.
public struct TimeRange: Hashable, Sendable {
    public var opens: TimeOfDay
    public var closes: TimeOfDay
    /// Stated explicitly when `closes` is before `opens`: the range runs past midnight.
    public var overnight: Bool

    public init(opens: TimeOfDay, closes: TimeOfDay, overnight: Bool = false) {
        self.opens = opens
        self.closes = closes
        self.overnight = overnight
    }

    /// Minutes after the start of the opening day; an overnight range ends past 1440.
    public var interval: Range<Int> {
        opens.minutes..<(overnight || closes < opens ? closes.minutes + 1440 : closes.minutes)
    }

    /// Reads `07:00-19:00`, `7am-3pm`, `9pm-2am` (overnight when it ends before it starts).
    public init?(parsing text: String) {
        let ends = text.replacingOccurrences(of: "–", with: "-").split(separator: "-")
        guard ends.count == 2, let opens = TimeOfDay(parsing: String(ends[0])),
            let closes = TimeOfDay(parsing: String(ends[1]))
        else { return nil }
        self.init(opens: opens, closes: closes, overnight: closes < opens)
    }

    /// `7:00 AM – 7:00 PM`.
    public var twelveHourLabel: String { "\(opens.twelveHour) – \(closes.twelveHour)" }
    /// `07:00-19:00`.
    public var canonicalLabel: String { "\(opens)-\(closes)" }
}

/// Regular weekly hours: the same range on each of `days`.
public struct WeeklyRange: Hashable, Sendable {
    public var days: [Weekday]
    public var range: TimeRange
    public init(days: [Weekday], range: TimeRange) {
        self.days = days
        self.range = range
    }
}

/// Days seen by appointment only: neither open to walk-ins nor closed.
public struct AppointmentDays: Hashable, Sendable {
    public var days: [Weekday]
    public var note: LocalizedText?
    public init(days: [Weekday], note: LocalizedText? = nil) {
        self.days = days
        self.note = note
    }
}

/// Hours that replace the weekly ones on a date or a stretch of dates.
public struct SpecialHours: Hashable, Sendable {
    public var from: CalendarDay
    /// The last day, when more than one.
    public var through: CalendarDay?
    /// Empty and `closed` for a whole-day closure.
    public var closed: Bool
    public var ranges: [TimeRange]
    public var reason: LocalizedText?

    public init(
        from: CalendarDay, through: CalendarDay? = nil, closed: Bool, ranges: [TimeRange] = [],
        reason: LocalizedText? = nil
    ) {
        self.from = from
        self.through = through
        self.closed = closed
        self.ranges = ranges
        self.reason = reason
    }

    public var lastDay: CalendarDay { through ?? from }

    public func covers(_ day: CalendarDay) -> Bool { from <= day && day <= lastDay }
}

/// All hours of one location (`content/hours/<location>.yaml`).
public struct LocationHours: Hashable, Sendable {
    public var location: String
    public var weekly: [WeeklyRange]
    public var byAppointment: [AppointmentDays]
    public var special: [SpecialHours]

    public init(
        location: String, weekly: [WeeklyRange] = [], byAppointment: [AppointmentDays] = [],
        special: [SpecialHours] = []
    ) {
        self.location = location
        self.weekly = weekly
        self.byAppointment = byAppointment
        self.special = special
    }

    /// Ranges open on `day`, in opening order.
    public func ranges(on day: Weekday) -> [TimeRange] {
        weekly.filter { $0.days.contains(day) }.map(\.range).sorted { $0.opens < $1.opens }
    }

    /// The appointment-only rule covering `day`, if any.
    public func appointment(on day: Weekday) -> AppointmentDays? {
        byAppointment.first { $0.days.contains(day) }
    }

    /// Puts weekly ranges and special hours in their stored order.
    public mutating func normalize() {
        weekly = weekly.map { WeeklyRange(days: Array(Set($0.days)).sorted(), range: $0.range) }
            .sorted { ($0.days.first?.index ?? 7, $0.range.opens) < ($1.days.first?.index ?? 7, $1.range.opens) }
        byAppointment = byAppointment.map { AppointmentDays(days: Array(Set($0.days)).sorted(), note: $0.note) }
            .sorted { ($0.days.first?.index ?? 7) < ($1.days.first?.index ?? 7) }
        special.sort { $0.from < $1.from }
    }
}
