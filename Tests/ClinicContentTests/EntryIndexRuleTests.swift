import ClinicContent
import Foundation
import Testing

/// An unreadable entry of a list is left out of the content; findings about the
/// entries after it still name their real index and line in the file.
@Suite("List entries after an unreadable one")
struct EntryIndexRuleTests {
    @Test("hours: after a weekly range with a bad time, the next range's finding is at its own place")
    func weekly() throws {
        let loop = RealFile.theLoopHours
        let (_, all) = try validateRealContent {
            replace(&$0, loop, "    opens: \"07:00\"\n    closes: \"19:00\"", "    opens: \"7am\"\n    closes: \"19:00\"")
            replace(&$0, loop, "days: [fri]", "days: [fri, fri]")
        }
        #expect(all.map(\.summary) == ["\(loop):4:12: error [hours.time]", "\(loop):6:11: error [hours.day]"])
        #expect(all.last?.field == "weekly[1].days")
        #expect(all.last?.message.hasPrefix("weekly[1].days") == true)
    }

    @Test("social: after a link that cannot be read, the next link's finding is at its own place")
    func social() throws {
        let social = RealFile.social
        let (_, all) = try validateRealContent {
            replace(&$0, social, "network: tiktok", "network: myspace")
            replace(&$0, social, "url: https://x.com/jasonthept", "url: https://example.com/jasonthept")
        }
        #expect(all.map(\.summary) == ["\(social):2:14: error [social.network]", "\(social):6:10: error [social.host]"])
        #expect(all.last?.field == "links[1].url")
    }

    @Test("a duplicate network names the earlier link by its place in the file")
    func duplicate() throws {
        let social = RealFile.social
        let (_, all) = try validateRealContent {
            replace(&$0, social, "network: tiktok", "network: myspace")
            $0[social]! += "  - network: x\n    url: https://x.com/jasonthept2\n"
        }
        #expect(all.map(\.summary) == ["\(social):2:14: error [social.network]", "\(social):14:14: warning [social.duplicate]"])
        #expect(all.last?.message.contains("also links[1]") == true)
    }
}
