import ClinicContent
import Foundation

/// What a location is at one minute: open, closed, or neither (by appointment).
public enum ListingState: String, Sendable, CaseIterable {
    case open, closed, unknown
}

/// One location's week and special dates as every listing carries them, and
/// the one answer to "is it open at this minute of this date" that each
/// listing writer is built from and each witness is compared with.
///
/// - A date's own ranges are its special hours when it has some (a closure
///   has none), else its weekday's weekly ranges.
/// - A special date is the whole truth for its date: nothing spills into it
///   from the evening before. Any other date also holds the part after
///   midnight of the day before's overnight ranges (special or weekly).
/// - A day by appointment (no special hours on it) is `unknown` where it is not open.
/// - Special dates before `today` are left out (`today` comes from the
///   commit's time, never the clock, so one commit gives one answer).
public struct ListingHours: Hashable, Sendable {
    public let hours: LocationHours
    /// Each special date from `today` on, with its entry, in date order.
    public let special: [(day: CalendarDay, entry: SpecialHours)]

    public init(_ hours: LocationHours, from today: CalendarDay? = nil) {
        self.hours = hours
        var days: [(CalendarDay, SpecialHours)] = []
        for entry in hours.special.sorted(by: { $0.from < $1.from }) {
            var day = entry.from
            while day <= entry.lastDay {
                if today.map({ day >= $0 }) ?? true, !days.contains(where: { $0.0 == day }) { days.append((day, entry)) }
                if day == day.next { break }
                day = day.next
            }
        }
        special = days
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.hours == b.hours && a.special.map(\.day) == b.special.map(\.day) && a.special.map(\.entry) == b.special.map(\.entry)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hours)
        hasher.combine(special.map(\.day))
    }

    /// The special entry on `day`, if it is listed.
    public func specialEntry(on day: CalendarDay) -> SpecialHours? { special.first { $0.day == day }?.entry }

    /// The ranges of a special entry: none for a closure.
    static func ranges(of entry: SpecialHours) -> [TimeRange] {
        entry.closed ? [] : entry.ranges.sorted { $0.opens < $1.opens }
    }

    /// The ranges that open on `day`.
    public func ownRanges(on day: CalendarDay) -> [TimeRange] {
        specialEntry(on: day).map(Self.ranges(of:)) ?? hours.ranges(on: day.weekday)
    }

    /// Whether `day` is seen by appointment only (where it is not open).
    public func byAppointment(on day: CalendarDay) -> Bool {
        specialEntry(on: day) == nil && hours.appointment(on: day.weekday) != nil
    }

    /// The minutes of `day` (0..<1440) it is open, sorted and merged.
    public func openMinutes(on day: CalendarDay) -> [Range<Int>] {
        var parts = ownRanges(on: day).map { $0.interval.lowerBound..<min($0.interval.upperBound, 1440) }
        if specialEntry(on: day) == nil {
            parts += Self.spill(ownRanges(on: day.previous))
        }
        return Self.merged(parts)
    }

    /// The minutes of a weekday when no special date is near: its own ranges and the night before's spill.
    public func openMinutes(on day: Weekday) -> [Range<Int>] {
        let before = Weekday.allCases[(day.index + 6) % 7]
        return Self.merged(
            hours.ranges(on: day).map { $0.interval.lowerBound..<min($0.interval.upperBound, 1440) }
                + Self.spill(hours.ranges(on: before)))
    }

    /// The parts after midnight of overnight ranges.
    static func spill(_ ranges: [TimeRange]) -> [Range<Int>] {
        ranges.compactMap { $0.interval.upperBound > 1440 ? 0..<($0.interval.upperBound - 1440) : nil }
    }

    static func merged(_ parts: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for part in parts.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, part.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, part.upperBound)
            } else {
                out.append(part)
            }
        }
        return out
    }

    /// The state at `minute` (0..<1440) of `day`.
    public func state(on day: CalendarDay, minute: Int) -> ListingState {
        if openMinutes(on: day).contains(where: { $0.contains(minute) }) { return .open }
        return byAppointment(on: day) ? .unknown : .closed
    }

    /// The dates whose hours differ from their weekday's: each special date,
    /// and a day after one whose night differs from the usual.
    public var datesApart: [CalendarDay] {
        var days = Set(special.map(\.day))
        for (day, _) in special where specialEntry(on: day.next) == nil {
            if openMinutes(on: day.next) != openMinutes(on: day.next.weekday) { days.insert(day.next) }
        }
        return days.sorted()
    }
}
