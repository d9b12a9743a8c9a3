import ClinicContent
import Foundation
import Testing

/// Single-value checks and parsers the rules and the commands rely on.
@Suite("Formats")
struct FormatsTests {
    @Test("every real question's slug is its entry's id")
    func slugsOfRealQuestions() throws {
        let (loaded, _) = try validateRealContent()
        #expect(loaded.content.faq.count == 10)
        for entry in loaded.content.faq {
            #expect(Formats.slug(from: try #require(entry.question.translations["en"])) == entry.id)
        }
    }

    @Test(
        "slugs fold accents, width and apostrophes",
        arguments: [
            ("Do you take insurance?", "do-you-take-insurance"),
            ("¿Qué es la punción seca?", "que-es-la-puncion-seca"),
            ("What’s dry needling?", "whats-dry-needling"),
            ("Don't “worry”", "dont-worry"),
            ("Ärger & Übung", "arger-ubung"),
            ("ＦＵＬＬ width", "full-width"),
            ("  --Hello--  ", "hello"),
            ("24/7 care", "24-7-care"),
            ("???", ""),
        ])
    func slug(text: String, slug: String) {
        #expect(Formats.slug(from: text) == slug)
        #expect(slug.isEmpty || Formats.isSlug(slug))
    }

    @Test("a long slug is cut at a word, keeping a word that ends exactly at the limit")
    func longSlug() {
        #expect(Formats.slug(from: "a very long question about dry needling and more", maxLength: 30) == "a-very-long-question-about-dry")
        #expect(Formats.slug(from: "a very long question about dryneedling and more", maxLength: 30) == "a-very-long-question-about")
        #expect(Formats.slug(from: String(repeating: "x", count: 70)).count == 60)
    }

    @Test(
        "what a slug is",
        arguments: [
            ("what-is-dry-needling", true), ("a1", true), ("What", false), ("-a", false), ("a-", false), ("a--b", false),
            ("a_b", false), ("", false), ("qué", false), (String(repeating: "a", count: 81), false),
            (String(repeating: "a", count: 80), true),
        ])
    func isSlug(text: String, valid: Bool) {
        #expect(Formats.isSlug(text) == valid)
    }

    @Test(
        "phone numbers as people type them",
        arguments: [
            ("773.999.9825", "+17739999825"), ("(773) 999-9825", "+17739999825"), ("+1 773 999 9825", "+17739999825"),
            ("1-773-999-9825", "+17739999825"), (" 7739999825 ", "+17739999825"), ("+44 20 7946 0958", "+442079460958"),
        ])
    func e164Parsing(text: String, e164: String) {
        #expect(Formats.e164(parsing: text) == e164)
        #expect(Formats.e164Problem(e164) == nil)
    }

    @Test(
        "numbers that are not dialable are refused",
        arguments: [
            "999-9825", "773.999.98250", "2 773 999 9825", "(073) 999-9825", "(773) 199-9825", "(793) 999-9825",
            "(411) 999-9825", "773-999-982x", "773.999.9825 ext 2", "", "+1 773 999 982", "＋1 773 999 9825",
        ])
    func e164Refusals(text: String) {
        #expect(Formats.e164(parsing: text) == nil)
    }

    @Test(
        "display forms match the number they dial",
        arguments: [
            ("773.999.9825", true), ("(773) 999-9825", true), ("+1 773 999 9825", true), ("1 773 999 9825", true),
            ("773.999.9826", false), ("+773 999 9825", false), ("999.9825", false), ("773.999.9825 x2", false), ("", false),
        ])
    func displayMatches(display: String, matches: Bool) {
        #expect(Formats.displayMatches(display, e164: "+17739999825") == matches)
    }

    @Test("national format for North America, E.164 elsewhere")
    func nationalFormat() {
        #expect(Formats.nationalFormat("+17739999825") == "(773) 999-9825")
        #expect(Formats.nationalFormat("+442079460958") == "+442079460958")
    }

    @Test(
        "language tags",
        arguments: [
            ("en", true), ("es-419", true), ("pt-BR", true), ("zh-Hant-TW", true), ("haw", true),
            ("EN", false), ("en_US", false), ("en-us", false), ("english", false), ("e", false), ("en-", false),
        ])
    func languageTag(tag: String, valid: Bool) {
        #expect(Formats.isLanguageTag(tag) == valid)
    }

    @Test(
        "times of day as people type them",
        arguments: [
            ("07:00", 420), ("7:00", 420), ("7am", 420), ("7 AM", 420), ("7:30pm", 1170), ("7:30 p.m.", 1170), ("19:00", 1140),
            ("12am", 0), ("12pm", 720), ("noon", 720), ("midnight", 0), ("24:00", 1440), ("7", 420),
        ])
    func timeParsing(text: String, minutes: Int) {
        #expect(TimeOfDay(parsing: text)?.minutes == minutes)
    }

    @Test(
        "times that do not exist are refused", arguments: ["25:00", "7:60", "13pm", "0am", "24:30", "7:5", "seven", "", "-1:00", "7::00"])
    func timeRefusals(text: String) {
        #expect(TimeOfDay(parsing: text) == nil)
    }

    @Test("the stored form is exactly HH:MM")
    func canonicalTime() {
        #expect(TimeOfDay(canonical: "07:00")?.minutes == 420)
        #expect(TimeOfDay(canonical: "24:00")?.description == "24:00")
        for text in ["7:00", "7am", "24:01", "07:0", "07-00", " 07:00"] { #expect(TimeOfDay(canonical: text) == nil, "\(text)") }
        #expect(TimeOfDay(minutes: 0)?.twelveHour == "12:00 AM")
        #expect(TimeOfDay(minutes: 720)?.twelveHour == "12:00 PM")
        #expect(TimeOfDay(minutes: 1170)?.twelveHour == "7:30 PM")
    }

    @Test("a range that ends before it starts runs overnight")
    func rangeParsing() throws {
        let night = try #require(TimeRange(parsing: "9pm-2am"))
        #expect(night.overnight && night.interval == 1260..<1560)
        let day = try #require(TimeRange(parsing: "7am–3pm"))
        #expect(!day.overnight && day.canonicalLabel == "07:00-15:00")
    }

    @Test(
        "day sets as people type them",
        arguments: [
            ("mon", [Weekday.mon]), ("monday", [.mon]), ("Mon.", [.mon]), ("tues", [.tue]), ("thurs", [.thu]),
            ("mon-thu", [.mon, .tue, .wed, .thu]), ("Mon - Thu", [.mon, .tue, .wed, .thu]), ("mon,wed,fri", [.mon, .wed, .fri]),
            ("weekdays", [.mon, .tue, .wed, .thu, .fri]), ("weekends", [.sat, .sun]), ("daily", Weekday.allCases),
            ("fri-mon", [.mon, .fri, .sat, .sun]), ("sat, mon", [.mon, .sat]), ("mon-mon", [.mon]),
        ])
    func daySets(text: String, days: [Weekday]) {
        #expect(Weekday.parseSet(text) == days)
    }

    @Test("day sets that name no real day are refused", arguments: ["", "funday", "mon-", "mon-tue-wed", "m", "t", "mon,,tue", "s"])
    func daySetRefusals(text: String) {
        #expect(Weekday.parseSet(text) == nil)
    }

    @Test("day labels group runs")
    func dayLabels() {
        #expect(Weekday.label([.thu, .mon, .tue, .wed]) == "Mon–Thu")
        #expect(Weekday.label([.mon, .wed, .fri]) == "Mon, Wed, Fri")
        #expect(Weekday.label([.sat, .sun]) == "Sat, Sun")
    }

    @Test(
        "calendar days are real dates, leap years included",
        arguments: [
            ("2024-02-29", true), ("2000-02-29", true), ("2026-02-28", true), ("2026-12-31", true),
            ("2026-02-29", false), ("1900-02-29", false), ("2026-02-30", false), ("2026-04-31", false), ("2026-13-01", false),
            ("2026-00-10", false), ("2026-01-00", false), ("2026-1-05", false), ("26-01-05", false), ("2026/01/05", false),
        ])
    func calendarDays(text: String, valid: Bool) {
        #expect((CalendarDay(text) != nil) == valid)
        #expect(CalendarDay(text).map(\.description) == (valid ? text : nil))
    }

    @Test("weekday of known dates")
    func knownWeekdays() throws {
        #expect(try #require(CalendarDay("2026-12-24")).weekday == .thu)
        #expect(try #require(CalendarDay("2024-02-29")).weekday == .thu)
        #expect(try #require(CalendarDay("2000-01-01")).weekday == .sat)
    }

    @Test("weekday agrees with Foundation's Gregorian calendar for every day of 1999–2031")
    func weekdaysAgreeWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var date = try #require(calendar.date(from: DateComponents(year: 1999, month: 1, day: 1)))
        let end = try #require(calendar.date(from: DateComponents(year: 2032, month: 1, day: 1)))
        while date < end {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let day = try #require(CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!))
            // Foundation: 1 is Sunday.
            #expect(day.weekday == Weekday.allCases[(parts.weekday! + 5) % 7], "\(day)")
            date = calendar.date(byAdding: .day, value: 1, to: date)!
        }
    }
}
