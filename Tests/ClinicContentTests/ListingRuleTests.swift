import ClinicContent
import Foundation
import Testing

/// Limits of the platforms the listings go to (Google Business Profile), as
/// rules at edit time: the change Google would refuse is refused with file:line and rule id.
@Suite("Listing rules")
struct ListingRuleTests {
    let loop = RealFile.theLoopHours

    @Test("special hours need weekly hours (Google refuses them without regular hours)")
    func specialWithoutWeek() throws {
        let all = try validateRealContent {
            $0[loop] = "location: the-loop\nspecial:\n  - from: \"2026-12-24\"\n    closed: true\n"
        }.1
        #expect(all.map(\.summary) == ["\(loop):3:5: error [listing.special-without-week]"])
        let appointmentsOnly = try validateRealContent {
            $0[loop] = "location: the-loop\nbyAppointment:\n  - days: [sat]\nspecial:\n  - from: \"2026-12-24\"\n    closed: true\n"
        }.1
        #expect(appointmentsOnly.map(\.summary) == ["\(loop):5:5: error [listing.special-without-week]"])
        #expect(try validateRealContent { $0[loop] = "location: the-loop\n" }.1.isEmpty, "no week and no special hours is fine")
    }

    @Test("a special range of a whole day (00:00-24:00), or overnight past 11:59, is refused; shorter ones are not")
    func specialWholeDay() throws {
        let whole = try validateRealContent {
            $0[loop]! += "special:\n  - from: \"2026-12-24\"\n    ranges:\n      - opens: \"00:00\"\n        closes: \"24:00\"\n"
        }.1
        #expect(whole.map(\.summary) == ["\(loop):12:9: error [listing.special-period]"])
        let late = try validateRealContent {
            $0[loop]! +=
                "special:\n  - from: \"2026-12-31\"\n    ranges:\n      - opens: \"20:00\"\n        closes: \"12:00\"\n        overnight: true\n"
        }.1
        #expect(late.map(\.summary) == ["\(loop):12:9: error [listing.special-period]"])
        let noon = try validateRealContent {
            $0[loop]! +=
                "special:\n  - from: \"2026-12-31\"\n    ranges:\n      - opens: \"20:00\"\n        closes: \"11:59\"\n        overnight: true\n"
        }.1
        #expect(noon.isEmpty, "up to 11:59 the next day is Google's limit")
        let shorter = try validateRealContent {
            $0[loop]! += "special:\n  - from: \"2026-12-24\"\n    ranges:\n      - opens: \"00:00\"\n        closes: \"23:59\"\n"
        }.1
        #expect(shorter.isEmpty)
    }

    @Test("the rules are in the catalogue clinicctl rules prints")
    func catalogued() {
        #expect(RuleCatalogue.rule("listing.special-without-week")?.severity == .error)
        #expect(RuleCatalogue.rule("listing.special-period")?.severity == .error)
    }
}
