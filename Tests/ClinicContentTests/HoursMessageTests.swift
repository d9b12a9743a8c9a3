import ClinicContent
import Foundation
import Testing

/// Hour and date errors say what is wrong, once per bad value, days in week order, and name
/// the file as it is in the repository (issue 24, item 7). The Loop's hours are Mon–Thu
/// 07:00–19:00 (`weekly[0]`) and Fri 07:00–15:00 (`weekly[1]`); Glenview's add Saturday by appointment.
@Suite("Hours and dates: what is wrong, said once")
struct HoursMessageTests {
    let loop = RealFile.theLoopHours
    let glenview = RealFile.glenviewHours

    @Test(
        "a time with a number out of range says which",
        arguments: [
            ("25:00", "25 is not an hour (00-24)"), ("25", "25 is not an hour (00-24)"), ("07:60", "60 is not a minute (00-59)"),
            ("8:61", "61 is not a minute (00-59)"), ("24:01", "24:01 is past the end of the day (24:00)"),
            ("13pm", "13 is not an hour on a 12-hour clock (1-12)"), ("0am", "0 is not an hour on a 12-hour clock (1-12)"),
        ])
    func timeProblem(_ text: String, _ problem: String) {
        #expect(TimeOfDay.problem(in: text) == problem)
    }

    @Test("a time, or text not written like one, has no such problem", arguments: ["07:00", "24:00", "7am", "noon", "7.00", "abc", ""])
    func noTimeProblem(_ text: String) {
        #expect(TimeOfDay.problem(in: text) == nil)
    }

    @Test(
        "a date that is not real says why",
        arguments: [
            ("2026-02-29", "February 2026 has 28 days"), ("2028-02-30", "February 2028 has 29 days"),
            ("1900-02-29", "February 1900 has 28 days"), ("2026-04-31", "April 2026 has 30 days"),
            ("2026-13-01", "13 is not a month"), ("2026-00-01", "00 is not a month"), ("2026-01-00", "00 is not a day"),
        ])
    func dateProblem(_ text: String, _ problem: String) {
        #expect(CalendarDay.problem(in: text) == problem)
        #expect(CalendarDay(text) == nil)
    }

    @Test(
        "a real date, or one not written YYYY-MM-DD, has no such problem",
        arguments: ["2028-02-29", "2000-02-29", "2026-12-24", "26-12-24", "12/24/2026"])
    func noDateProblem(_ text: String) {
        #expect(CalendarDay.problem(in: text) == nil)
    }

    @Test("a typed range names the bad time in it")
    func typedRange() {
        for (typed, said) in [
            ("25:00-26:00", "25 is not an hour (00-24)"), ("9-25", "25 is not an hour (00-24)"),
            ("13pm-2", "13 is not an hour on a 12-hour clock (1-12)"),
        ] {
            let error = #expect(throws: HoursInputError.self) { try TimeRange(typed: typed, overnight: false) }
            #expect(error?.description == "\"\(typed)\" is not a time range: \(said)")
        }
        let shapeless = #expect(throws: HoursInputError.self) { try TimeRange(typed: "9 to 5", overnight: false) }
        #expect(shapeless?.description.contains("write OPEN-CLOSE like 07:00-19:00") == true)
    }

    @Test("in a file: the time's and the date's findings say what is wrong")
    func inAFile() throws {
        let (_, times) = try validateRealContent { replace(&$0, loop, "closes: \"15:00\"", "closes: \"25:00\"") }
        #expect(times.map(\.message) == ["closes \"25:00\": 25 is not an hour (00-24)"])
        let (_, dates) = try validateRealContent {
            $0[loop]! += "special:\n  - from: \"2026-02-30\"\n    closed: true\n  - from: \"2026-13-01\"\n    closed: true\n"
        }
        #expect(dates.map(\.message) == ["from \"2026-02-30\": February 2026 has 28 days", "from \"2026-13-01\": 13 is not a month"])
    }

    @Test("an unknown day is one finding, not also 'names no day'")
    func unknownDayOnce() throws {
        let (_, all) = try validateRealContent { replace(&$0, loop, "[fri]", "[funday]") }
        #expect(all.map(\.summary) == ["\(loop):6:12: error [hours.day]"])
    }

    @Test("a day named twice is named")
    func dayTwice() throws {
        let (_, all) = try validateRealContent { replace(&$0, loop, "[mon, tue, wed, thu]", "[thu, mon, tue, wed, thu]") }
        #expect(all.map(\.message) == ["weekly[0].days names Thursday twice"])
    }

    @Test("one overlap over several days is one finding, its days in week order")
    func overlapOnce() throws {
        let extra = "  - days: [thu, fri, tue, mon, wed]\n    opens: \"08:00\"\n    closes: \"09:00\"\n"
        let (_, all) = try validateRealContent { $0[loop]! += extra }
        #expect(
            all.map(\.message) == [
                "Monday–Thursday: 08:00-09:00 overlaps 07:00-19:00 (weekly[0]); Friday: 08:00-09:00 overlaps 07:00-15:00 (weekly[1])"
            ])
        let (_, some) = try validateRealContent {
            $0[loop]! += extra.replacingOccurrences(of: "thu, fri, tue, mon, wed", with: "thu, mon, tue")
        }
        #expect(some.map(\.message) == ["Monday, Tuesday and Thursday: 08:00-09:00 overlaps 07:00-19:00 (weekly[0])"])
    }

    @Test("days both open and by appointment: one finding per by-appointment entry, in week order")
    func openAndAppointmentOnce() throws {
        let (_, all) = try validateRealContent { replace(&$0, glenview, "days: [sat]", "days: [sat, fri, mon]") }
        #expect(all.count == 1)
        #expect(
            all.first?.message
                == "Monday and Friday are both open (Monday 07:00-19:00; Friday 07:00-15:00) and by appointment only; choose one")
        let (_, twice) = try validateRealContent {
            replace(&$0, glenview, "days: [sat]", "days: [sun, sat]")
            $0[glenview]! += "  - days: [sat, sun]\n"
        }
        #expect(twice.map(\.message) == ["Saturday and Sunday are listed in two by-appointment rules"])
    }

    @Test(
        "findings name the file as it is in the repository, however contentDirectory is written",
        arguments: ["content", "./content", "content/", "./content/", "content//"])
    func repositoryPaths(_ directory: String) throws {
        var files = try realContentFiles()
        files["clinicctl.yaml"] = Data("contentDirectory: \(directory)\n".utf8)
        files[loop] = Data(String(decoding: files[loop]!, as: UTF8.self).replacingOccurrences(of: "\"15:00\"", with: "\"25:00\"").utf8)
        let source = InMemorySource(files: files)
        let (config, _) = try RepositoryConfig.load(from: source)
        #expect(config.layout.directory == "content")
        let (_, all) = try Validator().validate(source, layout: config.layout)
        #expect(all.map(\.summary) == ["\(loop):8:13: error [hours.time]"])
    }
}
