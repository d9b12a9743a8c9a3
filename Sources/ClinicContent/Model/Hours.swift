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

    /// Reads a range as people type it, taking a range that ends at or before it starts
    /// as running past midnight. Prefer ``init(typed:overnight:)``, which refuses such a
    /// range unless asked for.
    public init?(parsing text: String) {
        guard let range = try? TimeRange(typed: text, overnight: true) else { return nil }
        self = range
    }

    /// Reads a range the way people write clinic hours: `07:00-19:00`, `7am-3pm`, `8-5`.
    ///
    /// A bare closing hour (no am/pm, no leading zero) is read as afternoon when that
    /// makes the range end later the same day (`8-5` is 08:00-17:00, `7:30-6` is
    /// 07:30-18:00), and a bare opening hour takes the closing one's pm when that keeps
    /// it forward (`1-5pm` is 13:00-17:00). Times with am/pm or in 24-hour form are taken
    /// as written. A range that still ends at or before it starts runs past midnight:
    /// it is refused unless `overnight` allows it, and is then marked overnight.
    public init(typed text: String, overnight: Bool) throws(HoursInputError) {
        let ends = text.replacingOccurrences(of: "–", with: "-").split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2, var start = TimeOfDay.reading(String(ends[0])), var end = TimeOfDay.reading(String(ends[1])) else {
            let reason = ends.count == 2 ? ends.lazy.compactMap { TimeOfDay.problem(in: String($0)) }.first : nil
            throw HoursInputError(.notARange, text, reason: reason)
        }
        let endsInAfternoon = end.writing == .meridiem && end.time.minutes >= 720
        if start.writing == .bareHour, endsInAfternoon, let later = start.time.afternoon, later < end.time {
            start.time = later
        }
        if end.writing == .bareHour, end.time <= start.time, let later = end.time.afternoon, later > start.time {
            end.time = later
        }
        guard start.time < end.time || overnight else {
            throw HoursInputError(.endsBeforeStart, text, opens: start.time, closes: end.time)
        }
        self.init(opens: start.time, closes: end.time, overnight: end.time <= start.time)
    }

    /// `7:00 AM – 7:00 PM`.
    public var twelveHourLabel: String { "\(opens.twelveHour) – \(closes.twelveHour)" }
    /// `07:00-19:00`.
    public var canonicalLabel: String { "\(opens)-\(closes)" }
    /// `07:00-19:00`, or `22:00-06:00 (overnight: closes next day at 06:00)`: what reviewers read.
    public var readableLabel: String {
        overnight ? "\(canonicalLabel) (overnight: closes next day at \(closes))" : canonicalLabel
    }
}

/// A range of hours as typed that cannot be read, or that would silently run past midnight.
public struct HoursInputError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case notARange, endsBeforeStart
    }

    public var code: Code
    /// What the person typed.
    public var text: String
    /// How it was read, for `endsBeforeStart`.
    public var opens: TimeOfDay?
    public var closes: TimeOfDay?
    /// What is wrong with a time in it (`25 is not an hour (00-24)`), for `notARange`.
    public var reason: String?

    public init(_ code: Code, _ text: String, opens: TimeOfDay? = nil, closes: TimeOfDay? = nil, reason: String? = nil) {
        self.code = code
        self.text = text
        self.opens = opens
        self.closes = closes
        self.reason = reason
    }

    public var description: String {
        switch code {
        case .notARange:
            reason.map { "\"\(text)\" is not a time range: \($0)" }
                ?? "\"\(text)\" is not a time range; write OPEN-CLOSE like 07:00-19:00, 7am-3pm or 8-5"
        case .endsBeforeStart:
            "\"\(text)\" reads as \(opens?.description ?? "?")-\(closes?.description ?? "?"), which ends at or before it starts;"
                + " write the closing time with pm (e.g. 8am-5pm) or in 24-hour form, or mark the range overnight"
                + " if the clinic really stays open past midnight"
        }
    }
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
