import Foundation
import Testing

/// `clinicctl draft note` in one repository: the note shows in `review show` and `drafts`.
@Suite("draft note, review show and drafts")
struct DraftNoteCommandTests {
    static let draft = "faq-do-you-take-insurance"

    @Test func aNoteShowsInReviewShowAndIsCountedInDrafts() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(TeamEdits.insurance).status == 0)
        let first = try box.clinicctl(["draft", "note", Self.draft, "Photo to follow"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.isEmpty, "no server to send it to, and nothing to warn about: \(first.stderr)")
        let second = try box.clinicctl(["draft", "note", Self.draft, "approve on Jan 11,\nonce Jo confirms"], as: Sandbox.reviewer)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("  approve on Jan 11,\n  once Jo confirms\n"), "\(second.stdout)")

        let shown = try box.clinicctl(["review", "show", Self.draft], as: Sandbox.reviewer)
        #expect(shown.status == 0, "\(shown.stderr)")
        // Oldest first; these two were written within the same second, so only their pairing is known here.
        let section = Array(try #require(shown.stdout.components(separatedBy: "\nNOTES:\n").last).split(separator: "\n").prefix(5))
        let stamp = #"^  \d{4}-\d{2}-\d{2} \d{2}:\d{2} \S+  "#
        #expect(section.count == 5, "\(shown.stdout)")
        let olivia = try #require(section.firstIndex { $0.range(of: stamp + "Olivia Office:$", options: .regularExpression) != nil })
        let rita = try #require(section.firstIndex { $0.range(of: stamp + "Rita Reviewer:$", options: .regularExpression) != nil })
        #expect(section[olivia + 1] == "    Photo to follow", "\(shown.stdout)")
        #expect(Array(section[(rita + 1)...(rita + 2)]) == ["    approve on Jan 11,", "    once Jo confirms"])
        let json = try #require(try decodeJSON(try box.clinicctl(["review", "show", Self.draft, "--json"])) as? [String: Any])
        let texts = (json["notes"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
        #expect(Set(texts ?? []) == ["Photo to follow", "approve on Jan 11,\nonce Jo confirms"])

        let drafts = try box.clinicctl(["drafts"])
        let lines = drafts.stdout.split(separator: "\n")
        #expect(lines.first?.hasSuffix("ALSO CHANGES  NOTES  TITLE") == true, "\(drafts.stdout)")
        #expect(lines.dropFirst().first?.hasSuffix("-             2      FAQ: add \"Do you take insurance?\"") == true, "\(drafts.stdout)")
        let rows = try #require(try decodeJSON(try box.clinicctl(["drafts", "--json"])) as? [[String: Any]])
        #expect(rows.map { $0["notes"] as? Int } == [2])
    }
}
