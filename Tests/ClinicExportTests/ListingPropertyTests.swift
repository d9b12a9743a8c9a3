import ClinicContent
import Foundation
import Testing

@testable import ClinicExport

/// Random weeks and special hours (closed days, several ranges, overnight
/// ranges, days by appointment) give the same open/closed answer every 30
/// minutes through opening-hours-py reading `opening_hours.txt` as through the model.
@Suite struct ListingPropertyTests {
    /// From 2027-02-23 00:00 in Chicago, four weeks of half hours: the March clock change.
    static let window = instants(from: Date(timeIntervalSince1970: 1_803_362_400), count: 48 * 28)
    static let firstDay = CalendarDay("2027-02-23")!

    static func range(_ rng: inout SplitMix, after start: Int) -> (TimeRange, end: Int)? {
        let step = Bool.random(using: &rng) ? 30 : 15
        guard start < 1440 - step else { return nil }
        let opens = start + step * Int.random(in: 0...((1440 - step - start) / step), using: &rng)
        let end = min(opens + step * Int.random(in: 1...40, using: &rng), opens + 1439)
        let closes = end > 1440 ? end - 1440 : end
        guard closes != opens else { return nil }
        return (TimeRange(opens: TimeOfDay(minutes: opens)!, closes: TimeOfDay(minutes: closes)!, overnight: end > 1440), end)
    }

    static func ranges(_ rng: inout SplitMix) -> [TimeRange] {
        var out: [TimeRange] = []
        var at = 0
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            guard let (range, end) = range(&rng, after: at), end < 1440 || out.allSatisfy({ !$0.overnight }) else { break }
            out.append(range)
            at = end + 15
            if end >= 1440 { break }
        }
        return out
    }

    static func hours(seed: UInt64) -> LocationHours {
        var rng = SplitMix(seed: seed)
        var hours = LocationHours(location: "random")
        for day in Weekday.allCases {
            let ranges = ranges(&rng)
            hours.weekly += ranges.map { WeeklyRange(days: [day], range: $0) }
            if ranges.isEmpty && Int.random(in: 0..<3, using: &rng) == 0 { hours.byAppointment.append(AppointmentDays(days: [day])) }
        }
        var offset = Int.random(in: 0...3, using: &rng)
        while offset < 28 {
            var from = firstDay
            for _ in 0..<offset { from = from.next }
            let length = Int.random(in: 0...2, using: &rng)
            var through = from
            for _ in 0..<length { through = through.next }
            let ranges = Bool.random(using: &rng) ? [] : ranges(&rng)
            hours.special.append(
                SpecialHours(from: from, through: length > 0 ? through : nil, closed: ranges.isEmpty, ranges: ranges))
            offset += length + Int.random(in: 1...6, using: &rng)
        }
        return hours
    }

    @Test func randomHoursAgreeWithTheWitness() throws {
        let seeds: [UInt64] = (1...40).map { 0xC11_71C + $0 }
        let all = seeds.map { ListingHours(Self.hours(seed: $0)) }
        let witness = try witnessStates(all.map { (OpeningHoursLine.line($0), Self.window) })
        for (index, hours) in all.enumerated() {
            let wrong = disagreements(modelStates(hours, at: Self.window), witness[index], Self.window)
            #expect(wrong.isEmpty, "seed \(seeds[index]) \(OpeningHoursLine.line(hours)): \(wrong.joined(separator: "; "))")
        }
    }

    /// The generator makes what the property is about: overnight ranges, closed and open special dates, appointments.
    @Test func generatorCoversTheCases() {
        let all = (1...40).map { Self.hours(seed: 0xC11_71C + UInt64($0)) }
        #expect(all.contains { $0.weekly.contains { $0.range.overnight } })
        #expect(all.contains { $0.special.contains { $0.closed } })
        #expect(all.contains { $0.special.contains { $0.ranges.contains(where: \.overnight) } })
        #expect(all.contains { !$0.byAppointment.isEmpty })
        #expect(all.contains { $0.special.contains { $0.through != nil } })
    }
}
