import ClinicContent
import Foundation
import Testing

@testable import ClinicExport

/// `opening_hours.txt` read back by an independent evaluator (PyPI's
/// opening-hours-py) agrees with clinicctl's model every 30 minutes.
@Suite struct OpeningHoursWitnessTests {
    /// The Loop open overnight on Fridays and by appointment on Saturdays, with special
    /// dates on both clock changes, a closed Friday before an appointment Saturday,
    /// Christmas closed and an overnight New Year's Eve.
    static func nightContent() -> SiteContent {
        var content = richContent()
        let index = content.hours.firstIndex { $0.location == "the-loop" }!
        content.hours[index].byAppointment = [AppointmentDays(days: [.sat])]
        content.hours[index].special = [
            SpecialHours(from: day("2026-11-01"), closed: false, ranges: [TimeRange(opens: time("10:00"), closes: time("14:00"))]),
            SpecialHours(from: day("2026-12-18"), closed: true),
            SpecialHours(from: day("2026-12-24"), through: day("2026-12-26"), closed: true),
            SpecialHours(
                from: day("2026-12-31"), closed: false,
                ranges: [
                    TimeRange(opens: time("07:00"), closes: time("12:00")),
                    TimeRange(opens: time("20:00"), closes: time("02:00"), overnight: true),
                ]),
            SpecialHours(from: day("2027-03-12"), closed: true),
            SpecialHours(from: day("2027-03-14"), closed: false, ranges: [TimeRange(opens: time("01:00"), closes: time("04:00"))]),
        ]
        return content
    }

    /// From 2026-10-20 00:00 in Chicago, about 24 weeks of half hours: both clock changes.
    static let months = instants(from: Date(timeIntervalSince1970: 1_792_472_400), count: 48 * 7 * 24)

    func check(_ content: SiteContent, source: BundleSource = fixedSource) throws {
        var cases: [(line: String, instants: [Date])] = []
        var models: [[String]] = []
        for location in content.locations {
            let line = try listingFile(content, location.id, .osm, source: source)
            #expect(line.hasSuffix("\n") && line.filter { $0 == "\n" }.count == 1, "one line: \(line)")
            cases.append((String(line.dropLast()), Self.months))
            models.append(modelStates(Listings.hours(location, content, source: source), at: Self.months))
        }
        let witness = try witnessStates(cases)
        for (index, location) in content.locations.enumerated() {
            let wrong = disagreements(models[index], witness[index], Self.months)
            #expect(wrong.isEmpty, "\(location.id) \(cases[index].line): \(wrong.joined(separator: "; "))")
        }
    }

    @Test func seedClinicAgrees() throws { try check(try realContent()) }
    @Test func richContentAgrees() throws { try check(richContent()) }
    @Test func overnightAppointmentsAndClockChangesAgree() throws { try check(Self.nightContent()) }

    /// The model itself, against facts read off the content by hand.
    @Test func modelAnswersWhatTheHoursSay() {
        let content = Self.nightContent()
        let hours = Listings.hours(content.location("the-loop")!, content, source: fixedSource)
        #expect(hours.state(on: day("2026-12-11"), minute: 22 * 60) == .open)  // a Friday night
        #expect(hours.state(on: day("2026-12-12"), minute: 60) == .open)  // and past midnight
        #expect(hours.state(on: day("2026-12-12"), minute: 3 * 60) == .unknown)  // then Saturday by appointment
        #expect(hours.state(on: day("2026-12-19"), minute: 60) == .unknown)  // the Friday before was closed
        #expect(hours.state(on: day("2027-01-01"), minute: 90) == .open)  // New Year's Eve runs to 02:00
        #expect(hours.state(on: day("2027-01-01"), minute: 5 * 60) == .closed)
        #expect(hours.state(on: day("2026-12-26"), minute: 60) == .closed)  // a special date takes the whole date
        #expect(hours.state(on: day("2026-12-13"), minute: 12 * 60) == .closed)  // Sunday
    }

    /// What the issue's example line says for the seed clinic's Glenview.
    @Test func seedClinicLinesReadAsOpenStreetMapWritesThem() throws {
        let content = try realContent()
        #expect(try listingFile(content, "glenview", .osm) == "Mo-Th 07:00-19:00; Fr 07:00-15:00; Sa unknown \"by appointment\"\n")
        #expect(try listingFile(content, "the-loop", .osm) == "Mo-Th 07:00-19:00; Fr 07:00-15:00\n")
    }

    /// Dates before the commit's date (in the clinic's zone) are left out; the same commit gives the same line.
    @Test func pastDatesAreLeftOutByTheCommitsDate() throws {
        let christmas = BundleSource(revision: fixedSource.revision, generatedAt: Date(timeIntervalSince1970: 1_798_221_600))
        let line = try listingFile(richContent(), "the-loop", .osm, source: christmas)
        #expect(line.contains("2026 Dec 25-26 off"), "\(line)")
        #expect(!line.contains("Dec 24"), "\(line)")
        #expect(line == (try listingFile(richContent(), "the-loop", .osm, source: christmas)))
    }

    /// The witness can say no: a line that misstates an hour disagrees with the model.
    @Test func witnessCatchesAWrongLine() throws {
        let content = try realContent()
        let glenview = content.location("glenview")!
        let wrong = "Mo-Th 07:00-19:00; Fr 07:00-16:00; Sa unknown \"by appointment\""
        let model = modelStates(Listings.hours(glenview, content, source: fixedSource), at: Self.months)
        let witness = try witnessStates([(wrong, Self.months)])[0]
        #expect(!disagreements(model, witness, Self.months).isEmpty)
    }
}
