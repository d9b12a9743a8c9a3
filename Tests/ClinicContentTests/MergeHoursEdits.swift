import ClinicContent
import Foundation

/// Edits of a location's opening hours: a weekday set as `hours set` sets it, special hours added or removed.
extension MergeEditor {
    /// Days a day's hours are set to: none of them is what the base holds on a weekday.
    static let days: [DaySchedulePick] = [
        .open([range("07:00-19:00")]), .open([range("08:00-12:00"), range("13:00-17:00")]), .open([range("09:00-13:00")]),
        .closed, .appointment(nil), .appointment(LocalizedText("By appointment", locale: "en")),
        .appointment(LocalizedText(["en": "Call to book", "es": "Llame para reservar"])),
    ]
    static let dates = (20...31).map { day("2026-12-\($0)") } + (1...3).map { day("2027-01-0\($0)") }

    mutating func hoursDay(_ c: SiteContent) -> MergeEdit? {
        guard let location = pick(c.hours)?.location, let day = pick(Weekday.allCases), let value = pick(Self.days) else { return nil }
        return MergeEdit(name: "hours set \(location) \(day) \(value)", claims: ["hours/\(location)/day/\(day)"]) {
            $0.editHours(location) { value.set(day, in: &$0) }
        }
    }

    mutating func special(_ c: SiteContent) -> MergeEdit? {
        guard let location = pick(c.hours)?.location, let date = pick(Self.dates) else { return nil }
        if let existing = pick(c.hours(for: location)?.special ?? []), chance() {
            return MergeEdit(name: "special remove \(location) \(existing.from)", claims: ["hours/\(location)/special/\(existing.from)"]) {
                $0.editHours(location) { $0.special.removeAll { $0.from == existing.from } }
            }
        }
        let special = specialHours(on: date)
        return MergeEdit(name: "special add \(location) \(date)", claims: ["hours/\(location)/special/\(date)"]) {
            $0.editHours(location) { $0.special(special) }
        }
    }

    /// Closed for a reason (in English, or in English and Spanish), or open shorter.
    mutating func specialHours(on date: CalendarDay) -> SpecialHours {
        let n = number()
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return SpecialHours(from: date, closed: true, reason: LocalizedText("Closed \(n)", locale: "en"))
        case 1: return SpecialHours(from: date, closed: true, reason: LocalizedText(["en": "Closed \(n)", "es": "Cerrado \(n)"]))
        default: return SpecialHours(from: date, closed: false, ranges: [range("09:00-\(12 + n % 4):00")])
        }
    }
}

/// What a day's hours are set to.
enum DaySchedulePick: CustomStringConvertible {
    case open([TimeRange]), closed, appointment(LocalizedText?)

    func set(_ day: Weekday, in hours: inout LocationHours) {
        switch self {
        case .open(let ranges): hours.open(day, ranges)
        case .closed:
            hours.clear(day)
            hours.normalize()
        case .appointment(let note): hours.byAppointment(day, note: note)
        }
    }

    var description: String {
        switch self {
        case .open(let ranges): ranges.map(\.canonicalLabel).joined(separator: ",")
        case .closed: "closed"
        case .appointment(let note): "by appointment \(note?.translations.sorted { $0.key < $1.key }.map(\.value) ?? [])"
        }
    }
}
