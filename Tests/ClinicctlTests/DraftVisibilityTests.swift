import Foundation
import Testing

@Suite("content in open drafts is visible where people look")
struct DraftVisibilityTests {
    @Test("faq show of an entry only in a draft names the draft and --draft; faq list lists it apart")
    func draftOnlyEntry() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you accept Medicare?", "--answer", "Yes."]).status == 0)

        let show = try box.clinicctl(["faq", "show", "do-you-accept-medicare"])
        #expect(show.status == 1)
        #expect(show.stderr.contains("is not published yet: it is in open draft faq-do-you-accept-medicare"), "\(show.stderr)")
        #expect(show.stderr.contains("--draft faq-do-you-accept-medicare"), "\(show.stderr)")

        let missing = try box.clinicctl(["faq", "show", "no-such-question"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("there is no FAQ entry \"no-such-question\""), "\(missing.stderr)")

        let list = try box.clinicctl(["faq", "list"])
        #expect(list.status == 0, "\(list.stderr)")
        let tail = try #require(list.stdout.components(separatedBy: "Only in open drafts").last)
        #expect(list.stdout.contains("Only in open drafts, not published yet"), "\(list.stdout)")
        #expect(tail.contains("do-you-accept-medicare  FAQ \"Do you accept Medicare?\"  (draft faq-do-you-accept-medicare)"))
    }

    @Test("faq list marks published entries an open draft changes, in text and JSON")
    func changedEntryIsMarked() throws {
        let box = try Sandbox()
        let plain = try box.clinicctl(["faq", "list"])
        #expect(!plain.stdout.contains("OPEN DRAFTS"), "no column while no draft changes an entry")
        #expect(try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", "A thin needle."]).status == 0)
        let list = try box.clinicctl(["faq", "list"])
        #expect(list.stdout.contains("OPEN DRAFTS"))
        let row = try #require(list.stdout.split(separator: "\n").first { $0.contains(" what-is-dry-needling ") })
        #expect(row.hasSuffix("faq-what-is-dry-needling"), "\(row)")
        let rows = try #require(try decodeJSON(try box.clinicctl(["faq", "list", "--json"])) as? [[String: Any]])
        let entry = try #require(rows.first { $0["id"] as? String == "what-is-dry-needling" })
        #expect(entry["drafts"] as? [String] == ["faq-what-is-dry-needling"])
        let other = try #require(rows.first { $0["id"] as? String != "what-is-dry-needling" })
        #expect(other["drafts"] as? [String] == [])
    }
}
