import ClinicContent
import Foundation
import Testing

/// Rules for opening hours (`content/hours/<location>.yaml`). The Loop's file is
/// Mon–Thu 07:00–19:00 on lines 3–5 and Fri 07:00–15:00 on lines 6–8; Glenview's
/// adds Saturday by appointment on lines 9–11.
@Suite("Hours rules")
struct HoursRuleTests {
    let loop = RealFile.theLoopHours
    let glenview = RealFile.glenviewHours
    let friday = "  - days: [fri]\n    opens: \"07:00\"\n    closes: \"15:00\"\n"

    /// The Loop's Friday replaced by `lines`.
    func friday(_ lines: String) throws -> [String] {
        try findings { replace(&$0, loop, friday, lines) }
    }

    /// The Loop's hours with `special:` appended (its first entry starts on line 10).
    func special(_ lines: String) throws -> [Finding] {
        try validateRealContent { $0[loop]! += "special:\n" + lines }.1
    }

    @Test("a time in the file must be HH:MM", arguments: ["25:00", "7am", "7:00", "07:60", "24:01", "7", "07.00"])
    func timeFormat(time: String) throws {
        let all = try friday("  - days: [fri]\n    opens: \"\(time)\"\n    closes: \"15:00\"\n")
        #expect(all == ["\(loop):7:12: error [hours.time]"])
    }

    @Test("24:00 ends a day: it may close a range but not open one")
    func endOfDay() throws {
        #expect(try friday("  - days: [fri]\n    opens: \"24:00\"\n    closes: \"15:00\"\n") == ["\(loop):7:12: error [hours.time]"])
        #expect(try friday("  - days: [fri]\n    opens: \"07:00\"\n    closes: \"24:00\"\n") == [])
    }

    @Test("a range that opens and closes at the same time")
    func emptyRange() throws {
        #expect(try friday("  - days: [fri]\n    opens: \"07:00\"\n    closes: \"07:00\"\n") == ["\(loop):6:5: error [hours.empty-range]"])
    }

    @Test("closing before opening needs overnight: true")
    func overnightMissing() throws {
        #expect(try friday("  - days: [fri]\n    opens: \"22:00\"\n    closes: \"02:00\"\n") == ["\(loop):8:13: error [hours.overnight]"])
        #expect(try friday("  - days: [fri]\n    opens: \"22:00\"\n    closes: \"02:00\"\n    overnight: true\n") == [])
    }

    @Test("overnight: true on a range that closes later the same day")
    func overnightWrong() throws {
        #expect(try friday(friday + "    overnight: true\n") == ["\(loop):9:16: error [hours.overnight]"])
    }

    @Test("two ranges on one day overlap, reported at the later one")
    func overlapSameDay() throws {
        let (_, all) = try validateRealContent { replace(&$0, loop, "days: [fri]", "days: [thu, fri]") }
        #expect(all.map(\.summary) == ["\(loop):6:5: error [hours.overlap]"])
        #expect(all.first?.message.hasPrefix("Thursday: 07:00-15:00 overlaps 07:00-19:00") == true)
    }

    @Test("an overnight range's hours after midnight overlap the next day's range, reported at that range")
    func overlapAfterMidnight() throws {
        let overnight = "  - days: [fri]\n    opens: \"22:00\"\n    closes: \"02:00\"\n    overnight: true\n"
        let (_, all) = try validateRealContent {
            replace(&$0, loop, friday, overnight + "  - days: [sat]\n    opens: \"01:00\"\n    closes: \"05:00\"\n")
        }
        #expect(all.map(\.summary) == ["\(loop):10:5: error [hours.overlap]"])
        #expect(all.first?.field == "weekly[2]")
        #expect(all.first?.message == "Saturday: 01:00-05:00 overlaps 00:00-02:00 (weekly[1] after midnight)")
        #expect(try friday(overnight + "  - days: [sat]\n    opens: \"02:00\"\n    closes: \"05:00\"\n") == [])
    }

    @Test("Sunday night's hours spill into Monday")
    func overlapWrapsTheWeek() throws {
        let all = try findings { $0[loop]! += "  - days: [sun]\n    opens: \"22:00\"\n    closes: \"08:00\"\n    overnight: true\n" }
        #expect(all == ["\(loop):3:5: error [hours.overlap]"])
    }

    @Test("a day cannot be open and by appointment only")
    func openAndAppointment() throws {
        let (_, all) = try validateRealContent { replace(&$0, glenview, "days: [fri]", "days: [fri, sat]") }
        #expect(all.map(\.summary) == ["\(glenview):10:11: error [hours.open-and-appointment]"])
        #expect(all.first?.message.hasPrefix("Saturday is both open (07:00-15:00)") == true)
    }

    @Test("a day in two by-appointment rules")
    func twoAppointmentRules() throws {
        let all = try findings { $0[glenview]! += "  - days: [sat, sun]\n" }
        #expect(all == ["\(glenview):12:11: error [hours.overlap]"])
    }

    @Test(
        "days must be known day names, each named once",
        arguments: [
            ("[mon, tue, wed, thr]", 27), ("[monday, tue, wed, thu]", 12), ("[mon, tue, wed, thu, thu]", 11),
        ])
    func badDay(days: String, column: Int) throws {
        let all = try findings { replace(&$0, loop, "[mon, tue, wed, thu]", days) }
        #expect(all == ["\(loop):3:\(column): error [hours.day]"])
    }

    @Test("a range must name at least one day, whether days is empty or missing")
    func daysRequired() throws {
        #expect(try findings { replace(&$0, loop, "[mon, tue, wed, thu]", "[]") } == ["\(loop):3:11: error [hours.days.required]"])
        #expect(
            try findings { replace(&$0, loop, "  - days: [fri]\n    opens", "  - opens") } == ["\(loop):6:5: error [hours.days.required]"])
        #expect(try findings { replace(&$0, glenview, "[sat]", "[]") } == ["\(glenview):10:11: error [hours.days.required]"])
    }

    @Test("hours must belong to a location that exists")
    func unknownLocation() throws {
        let all = try findings {
            rename(&$0, loop, to: "content/hours/lakeview.yaml", "location: the-loop", "location: lakeview")
        }
        #expect(all == ["content/hours/lakeview.yaml:1:11: error [ref.location]"])
    }

    @Test("the doc's special hours example passes")
    func specialExample() throws {
        let all = try special(
            """
              - from: "2026-12-24"
                through: "2026-12-26"
                closed: true
                reason: Christmas
              - from: "2026-12-31"
                ranges:
                  - opens: "07:00"
                    closes: "12:00"

            """)
        #expect(all.map(\.summary) == [])
    }

    @Test("a special date must be a real date", arguments: ["2026-02-30", "2025-02-29", "2026-04-31", "26-12-24", "2026-12-24T00:00"])
    func specialDate(date: String) throws {
        let from = try special("  - from: \"\(date)\"\n    closed: true\n")
        #expect(from.map(\.summary) == ["\(loop):10:11: error [special.date]"])
        let through = try special("  - from: \"2026-01-01\"\n    through: \"\(date)\"\n    closed: true\n")
        #expect(through.map(\.summary) == ["\(loop):11:14: error [special.date]"])
    }

    @Test("special dates end after they start")
    func specialOrder() throws {
        let all = try special("  - from: \"2026-12-26\"\n    through: \"2026-12-24\"\n    closed: true\n")
        #expect(all.map(\.summary) == ["\(loop):11:14: error [special.order]"])
    }

    @Test("a special date is closed or has ranges, not both")
    func closedAndRanges() throws {
        let all = try special(
            "  - from: \"2026-12-24\"\n    closed: true\n    ranges:\n      - opens: \"07:00\"\n        closes: \"12:00\"\n")
        #expect(all.map(\.summary) == ["\(loop):11:13: error [special.closed-and-ranges]"])
    }

    @Test("a special date says closed or gives ranges")
    func specialEmpty() throws {
        #expect(try special("  - from: \"2026-12-24\"\n").map(\.summary) == ["\(loop):10:5: error [special.empty]"])
        #expect(try special("  - from: \"2026-12-24\"\n    closed: false\n").map(\.summary) == ["\(loop):10:5: error [special.empty]"])
    }

    @Test("two special rules cannot cover one date")
    func specialOverlap() throws {
        let all = try special(
            """
              - from: "2026-12-24"
                through: "2026-12-26"
                closed: true
              - from: "2026-12-26"
                closed: true

            """)
        #expect(all.map(\.summary) == ["\(loop):13:11: error [special.overlap]"])
    }

    @Test(
        "a special date's ranges follow the weekly rules",
        arguments: [
            (["07:00", "12:00", "11:00", "13:00"], "14:9", "hours.overlap"),
            (["07:00", "07:00", "11:00", "13:00"], "12:9", "hours.empty-range"),
            (["07:00", "12:00", "22:00", "02:00"], "15:17", "hours.overnight"),
        ])
    func specialRanges(times: [String], at: String, rule: String) throws {
        let all = try special(
            """
              - from: "2026-12-31"
                ranges:
                  - opens: "\(times[0])"
                    closes: "\(times[1])"
                  - opens: "\(times[2])"
                    closes: "\(times[3])"

            """)
        #expect(all.map(\.summary) == ["\(loop):\(at): error [\(rule)]"])
    }
}
