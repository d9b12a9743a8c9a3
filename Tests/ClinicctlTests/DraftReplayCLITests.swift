import Foundation
import Testing

@Suite("clinicctl draft update replays edits")
struct DraftReplayCLITests {
    @Test("an FAQ entry removed meanwhile: its edit is named as no longer applying, the others are kept")
    func removedEntry() throws {
        let box = try Sandbox()
        let draft = "faq-what-is-dry-needling"
        #expect(try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", "Needles."]).status == 0)
        #expect(try box.clinicctl(["hours", "set", "glenview", "sat", "9am-1pm", "--draft", draft]).status == 0)
        #expect(try box.clinicctl(["faq", "edit", "is-the-procedure-painful", "--answer", "Barely.", "--draft", draft]).status == 0)
        let removed = try box.clinicctl(["faq", "remove", "what-is-dry-needling", "--draft-name", "removal"])
        #expect(removed.status == 0, "\(removed.stderr)")
        let approved = try box.clinicctl(["review", "approve", "removal"], as: Sandbox.reviewer)
        #expect(approved.status == 0, "\(approved.stderr)")

        let run = try box.clinicctl(["draft", "update", draft])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\n")
        #expect(
            lines.first?.hasPrefix("1. FAQ: edit \"what-is-dry-needling\": no longer applies (there is no FAQ entry") == true,
            "\(run.stdout)")
        #expect(lines.count > 2 && lines[1].hasSuffix(": re-applied") && lines[2].hasSuffix(": re-applied"), "\(run.stdout)")
        let subjects = try box.gitOutput(["log", "--format=%s", "--reverse", "main..drafts/\(draft)"])
        #expect(subjects.components(separatedBy: "\n").count == 2, "\(subjects)")
        #expect(try box.show("drafts/\(draft)", "content/faq/is-the-procedure-painful.md").contains("Barely."))
        #expect(try box.git(["cat-file", "-e", "drafts/\(draft):content/faq/what-is-dry-needling.md"]).status != 0)

        let json = try box.clinicctl(["draft", "update", draft, "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let result = try #require(try decodeJSON(json) as? [String: Any])
        #expect(result["alreadyUpToDate"] as? Bool == true)
    }

    @Test("--json lists every edit with what became of it")
    func json() throws {
        let box = try Sandbox()
        let draft = "faq-what-is-dry-needling"
        #expect(try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", "Needles."]).status == 0)
        #expect(try box.clinicctl(["hours", "closed", "glenview", "fri", "--draft", draft]).status == 0)
        #expect(try box.clinicctl(["faq", "remove", "what-is-dry-needling", "--draft-name", "removal"]).status == 0)
        #expect(try box.clinicctl(["review", "approve", "removal"], as: Sandbox.reviewer).status == 0)
        let run = try box.clinicctl(["draft", "update", draft, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try #require(try decodeJSON(run) as? [String: Any])
        let replayed = try #require(result["replayed"] as? [[String: Any]])
        #expect(replayed.map { $0["outcome"] as? String } == ["no longer applies", "re-applied"])
        #expect(replayed.map { $0["number"] as? Int } == [1, 2])
        #expect((replayed[0]["reason"] as? String)?.contains("what-is-dry-needling") == true)
    }
}
