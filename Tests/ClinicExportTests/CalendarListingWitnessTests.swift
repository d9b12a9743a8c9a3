import ClinicContent
import Foundation
import Testing

@testable import ClinicExport

/// `special-hours.ics` read back by PyPI's icalendar: every special date is its
/// events on that date, timed ones at the right instant on both sides of a clock change.
@Suite struct CalendarListingWitnessTests {
    /// Prints each event as `uid|summary|start|end`: a date as `date:YYYY-MM-DD`, a time
    /// as `utc:<epoch>` read through the calendar's own VTIMEZONE (not the system's zone data).
    static let reader = """
        import sys, datetime
        from icalendar import Calendar
        cal = Calendar.from_ical(open(sys.argv[1], "rb").read())
        zones = {z["TZID"]: z.to_tz(lookup_tzid=False) for z in cal.walk("VTIMEZONE")}
        def when(prop):
            value = prop.dt
            if isinstance(value, datetime.datetime):
                tz = zones[str(prop.params["TZID"])]
                return "utc:%d" % value.replace(tzinfo=None).replace(tzinfo=tz).timestamp()
            return "date:" + value.isoformat()
        for event in cal.walk("VEVENT"):
            print("|".join([str(event["UID"]), str(event["SUMMARY"]), when(event["DTSTART"]), when(event["DTEND"])]))
        """

    static let longReason = "Navidad — cerrado por las fiestas, nos vemos el lunes; ¡feliz año a todos nuestros pacientes!"

    func events(_ text: String) throws -> [[String]] {
        try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("special-hours.ics")
            try Data(text.utf8).write(to: file)
            let result = try python(Self.reader, [file.path])
            try #require(result.status == 0, "\(result.output)")
            return result.output.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
        }
    }

    static func utc(_ text: String) -> String {
        "utc:\(Int(ISO8601DateFormatter().date(from: text)!.timeIntervalSince1970))"
    }

    @Test func everySpecialDateIsItsEventsAtTheRightInstant() throws {
        var content = OpeningHoursWitnessTests.nightContent()
        let index = content.hours.firstIndex { $0.location == "the-loop" }!
        content.hours[index].special[2].reason = LocalizedText(["en": Self.longReason])
        let text = try listingFile(content, "the-loop", .ics)
        let found = try events(text)
        // Chicago is UTC-5 until 2026-11-01 02:00 and from 2027-03-14 02:00, UTC-6 between.
        let expected: [(start: String, end: String)] = [
            (Self.utc("2026-11-01T16:00:00Z"), Self.utc("2026-11-01T20:00:00Z")),
            ("date:2026-12-18", "date:2026-12-19"),
            ("date:2026-12-24", "date:2026-12-25"), ("date:2026-12-25", "date:2026-12-26"), ("date:2026-12-26", "date:2026-12-27"),
            (Self.utc("2026-12-31T13:00:00Z"), Self.utc("2026-12-31T18:00:00Z")),
            (Self.utc("2027-01-01T02:00:00Z"), Self.utc("2027-01-01T08:00:00Z")),
            ("date:2027-03-12", "date:2027-03-13"),
            (Self.utc("2027-03-14T07:00:00Z"), Self.utc("2027-03-14T09:00:00Z")),
        ]
        #expect(found.map { $0[2] } == expected.map(\.start))
        #expect(found.map { $0[3] } == expected.map(\.end))
        #expect(Set(found.map { $0[0] }).count == found.count, "UIDs are unique")
        #expect(found[2][1] == "The Loop: Closed (\(Self.longReason))", "folded and escaped text reads back: \(found[2][1])")
    }

    @Test func linesEndInCRLFAndFoldAt75Octets() throws {
        var content = OpeningHoursWitnessTests.nightContent()
        content.hours[content.hours.firstIndex { $0.location == "the-loop" }!].special[2].reason = LocalizedText(["en": Self.longReason])
        let text = try listingFile(content, "the-loop", .ics)
        let bytes = Array(text.utf8)
        #expect(bytes.suffix(2) == [13, 10])
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { !$0.contains("\n") && !$0.contains("\r") })
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "\(lines.filter { $0.utf8.count > 75 })")
        #expect(lines.contains { $0.hasPrefix(" ") }, "the long summary is folded")
        #expect(text.contains("DTSTAMP:20260101T000000Z"), "DTSTAMP is the commit's time")
    }

    /// The same content at a later commit keeps each event's UID, so a subscribed calendar updates in place.
    @Test func uidsAreStableAcrossCommits() throws {
        let content = OpeningHoursWitnessTests.nightContent()
        let later = BundleSource(revision: String(repeating: "cd", count: 20), generatedAt: Date(timeIntervalSince1970: 1_790_000_000))
        let first = try events(try listingFile(content, "the-loop", .ics)).map { $0[0] }
        let second = try events(try listingFile(content, "the-loop", .ics, source: later)).map { $0[0] }
        #expect(first == second && first.count == 9)
    }

    /// A calendar without special dates still parses (it holds its VTIMEZONE).
    @Test func noSpecialDatesIsAnEmptyCalendar() throws {
        #expect(try events(try listingFile(try realContent(), "glenview", .ics)).isEmpty)
    }
}
