import ClinicContent
import Foundation
import Testing

@Suite("merging opening hours: each weekday and each special date a field of its own")
struct ContentMergeHoursTests {
    static func glenview(_ edit: @escaping (inout LocationHours) -> Void) -> (inout SiteContent) -> Void {
        { $0.editHours("glenview", edit) }
    }
    static let eve = SpecialHours(from: day("2026-12-24"), closed: true, reason: LocalizedText("Christmas Eve", locale: "en"))
    static let shortEve = SpecialHours(from: day("2026-12-24"), closed: false, ranges: [range("09:00-12:00")])
    static let newYear = SpecialHours(from: day("2027-01-01"), closed: true)

    @Test("different days changed on each side merge, days with one range sharing its rule as `hours set` makes it")
    func disjointDays() throws {
        let monday = Self.glenview { $0.clear(.mon) }
        let saturday = Self.glenview { $0.open(.sat, [range("07:00-19:00")]) }
        let sunday = Self.glenview { $0.byAppointment(.sun, note: LocalizedText("By appointment", locale: "en")) }
        try MergeCase(ours: monday, theirs: saturday).expectClean(monday, saturday)
        try MergeCase(ours: saturday, theirs: monday).expectClean(monday, saturday)
        try MergeCase(ours: sunday, theirs: monday).expectClean(sunday, monday)
        let merged = try MergeCase(ours: monday, theirs: saturday)
        let hours = try #require(try merged.mergedContent.hours(for: "glenview"))
        #expect(hours.weekly.map(\.days) == [[.tue, .wed, .thu, .sat], [.fri]])
    }

    @Test("the same day changed alike on both sides merges")
    func sameDayAlike() throws {
        let saturday = Self.glenview { $0.open(.sat, [range("09:00-13:00")]) }
        try MergeCase(ours: saturday, theirs: saturday).expectClean(saturday)
    }

    @Test("special hours added on different dates on each side are both kept; the same date added alike is one")
    func specialOnDifferentDates() throws {
        let eve = Self.glenview { $0.special(Self.eve) }
        let newYear = Self.glenview { $0.special(Self.newYear) }
        try MergeCase(ours: eve, theirs: newYear).expectClean(eve, newYear)
        try MergeCase(ours: eve, theirs: eve).expectClean(eve)
        let saturday = Self.glenview { $0.open(.sat, [range("09:00-13:00")]) }
        try MergeCase(ours: eve, theirs: saturday).expectClean(eve, saturday)
    }

    @Test("the same date added differently on each side is one conflict, with both days' hours")
    func specialConflict() throws {
        let merged = try MergeCase(ours: Self.glenview { $0.special(Self.shortEve) }, theirs: Self.glenview { $0.special(Self.eve) })
        #expect(merged.merge.conflicts.map(\.key) == ["hours/glenview:special.2026-12-24"])
        #expect(
            merged.conflictLines == [
                "hours glenview · special hours 2026-12-24: was none; now published 2026-12-24 closed (Christmas Eve); this draft 2026-12-24 09:00-12:00"
            ])
        let published = try merged.resolved(["hours/glenview:special.2026-12-24": .theirs]).get()
        #expect(published.files == merged.expected(Self.glenview { $0.special(Self.eve) }))
    }

    @Test("special hours removed on one side and changed on the other: a conflict; removed beside untouched: removed")
    func specialRemovedAndChanged() throws {
        let remove = Self.glenview { $0.special.removeAll { $0.from == day("2026-12-24") } }
        let merged = try MergeCase(
            base: Self.glenview { $0.special(Self.eve) }, ours: Self.glenview { $0.special(Self.shortEve) }, theirs: remove)
        #expect(
            merged.conflictLines == [
                "hours glenview · special hours 2026-12-24: was 2026-12-24 closed (Christmas Eve); now published none; this draft 2026-12-24 09:00-12:00"
            ])
        let saturday = Self.glenview { $0.open(.sat, [range("09:00-13:00")]) }
        try MergeCase(base: Self.glenview { $0.special(Self.eve) }, ours: saturday, theirs: remove).expectClean(saturday, remove)
    }

    @Test("an hours file removed on one side and changed on the other is one conflict on the whole record")
    func hoursRemovedAndChanged() throws {
        let merged = try MergeCase(
            ours: Self.glenview { $0.open(.sat, [range("09:00-13:00")]) }, theirs: { $0.hours.removeAll { $0.location == "glenview" } })
        #expect(merged.conflictLines == ["hours glenview: was there; now published removed; this draft changed (Saturday)"])
    }

    @Test("a day's hours and its appointment note's translation changed on both sides is one conflict on that day")
    func appointmentNote() throws {
        let spanish = Self.glenview { $0.byAppointment[0].note?.set("Con cita", locale: "es") }
        let merged = try MergeCase(ours: spanish, theirs: Self.glenview { $0.open(.sat, [range("09:00-13:00")]) })
        #expect(
            merged.conflictLines == [
                "hours glenview · Saturday: was by appointment (By appointment); now published 09:00-13:00; this draft by appointment (By appointment; es: Con cita)"
            ])
    }
}
