import ClinicContent
import Testing

@Suite("hours as people type them")
struct HoursInputTests {
    /// Typed text → how it is stored; `!overnight` marks a range past midnight.
    static let accepted: [(String, String)] = [
        ("8-5", "08:00-17:00"),
        ("9-1", "09:00-13:00"),
        ("7:30-6", "07:30-18:00"),
        ("9:00-5:30", "09:00-17:30"),
        ("10-12", "10:00-12:00"),
        ("9-9", "09:00-21:00"),
        ("1-5pm", "13:00-17:00"),
        ("9-5pm", "09:00-17:00"),
        ("11-1pm", "11:00-13:00"),
        ("8am-5pm", "08:00-17:00"),
        ("7am–3pm", "07:00-15:00"),
        ("07:00-19:00", "07:00-19:00"),
        ("9am-12:30pm", "09:00-12:30"),
        ("noon-6", "12:00-18:00"),
        ("13:00-24:00", "13:00-24:00"),
        (" 8 - 5 ", "08:00-17:00"),
    ]

    @Test("a bare closing hour is afternoon when that keeps the range in one day", arguments: accepted)
    func reads(_ typed: String, _ stored: String) throws {
        let range = try TimeRange(typed: typed, overnight: false)
        #expect(range.canonicalLabel == stored)
        #expect(!range.overnight)
    }

    /// Ranges that end at or before they start however they are read; accepted only when overnight is asked for.
    static let reversed: [(String, String)] = [
        ("12pm-8am", "12:00-08:00"),
        ("9pm-2am", "21:00-02:00"),
        ("22:00-06:00", "22:00-06:00"),
        ("10pm-6", "22:00-06:00"),
        ("08:00-05:00", "08:00-05:00"),
        ("8am-5am", "08:00-05:00"),
        ("07:00-07:00", "07:00-07:00"),
        ("1pm-12", "13:00-12:00"),
    ]

    @Test("a range ending at or before its start is refused, saying how it was read", arguments: reversed)
    func refusesReversed(_ typed: String, _ read: String) throws {
        let error = #expect(throws: HoursInputError.self) { try TimeRange(typed: typed, overnight: false) }
        #expect(error?.code == .endsBeforeStart)
        #expect(error?.description.contains("\"\(typed)\" reads as \(read), which ends at or before it starts") == true)
    }

    @Test("asked for explicitly, the same range is stored overnight", arguments: reversed)
    func acceptsOvernight(_ typed: String, _ read: String) throws {
        let range = try TimeRange(typed: typed, overnight: true)
        #expect(range.canonicalLabel == read)
        #expect(range.overnight)
        #expect(range.readableLabel == "\(read) (overnight: closes next day at \(range.closes))")
    }

    @Test("allowing overnight does not change how a day range is read")
    func overnightAllowedDayRange() throws {
        let range = try TimeRange(typed: "8-5", overnight: true)
        #expect(range.canonicalLabel == "08:00-17:00" && !range.overnight)
        #expect(range.readableLabel == "08:00-17:00")
    }

    @Test("text that is not a range is refused as such", arguments: ["", "8", "8-", "-5", "8-5-6", "25:00-26:00", "13pm-2", "9am to 5pm"])
    func notARange(_ typed: String) {
        let error = #expect(throws: HoursInputError.self) { try TimeRange(typed: typed, overnight: true) }
        #expect(error?.code == .notARange)
    }

    @Test("how a single time was written")
    func writing() {
        #expect(TimeOfDay.reading("5")?.writing == .bareHour)
        #expect(TimeOfDay.reading("5:30")?.writing == .bareHour)
        #expect(TimeOfDay.reading("12")?.writing == .bareHour)
        #expect(TimeOfDay.reading("05:00")?.writing == .twentyFourHour)
        #expect(TimeOfDay.reading("17")?.writing == .twentyFourHour)
        #expect(TimeOfDay.reading("5pm")?.writing == .meridiem)
        #expect(TimeOfDay.reading("noon")?.time.description == "12:00")
        #expect(TimeOfDay.reading("5x") == nil)
    }
}
