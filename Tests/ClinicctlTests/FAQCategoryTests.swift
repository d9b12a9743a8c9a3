import Foundation
import Testing

@Suite("clinicctl faq category and faq search")
struct FAQCategoryTests {
    let file = "content/categories.yaml"

    @Test("add, rename and list categories in one draft; git sees only categories.yaml change")
    func addRenameList() throws {
        let box = try Sandbox()
        let add = try box.clinicctl(["faq", "category", "add", "Insurance and billing", "--json"])
        #expect(add.status == 0, "\(add.stderr)")
        let draft = try #require((try decodeJSON(add) as? [String: Any])?["draft"] as? String)
        let rename = try box.clinicctl([
            "faq", "category", "rename", "insurance-and-billing", "Seguros", "--locale", "es", "--draft", draft,
        ])
        #expect(rename.status == 0, "\(rename.stderr)")
        #expect(try box.gitOutput(["diff", "--name-only", "main", "drafts/\(draft)"]) == file)
        let yaml = try box.show("drafts/\(draft)", file)
        #expect(yaml.contains("- id: insurance-and-billing"), "\(yaml)")
        #expect(yaml.contains("Seguros"))
        let list = try box.clinicctl(["faq", "category", "list", "--draft", draft, "--json"])
        let rows = try #require(try decodeJSON(list) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["trigger-point-dry-needling", "insurance-and-billing"])
        #expect((rows[0]["entries"] as? [String])?.count == 10)
        #expect((rows[1]["title"] as? [String: String]) == ["en": "Insurance and billing", "es": "Seguros"])
        // With two categories, faq add needs to be told which (no terminal here to ask on).
        let unsaid = try box.clinicctl(["faq", "add", "--question", "Q?", "--answer", "A.", "--draft", draft])
        #expect(unsaid.status != 0 && unsaid.stderr.contains("insurance-and-billing"), "\(unsaid.stderr)")
        let removed = try box.clinicctl(["faq", "category", "remove", "insurance-and-billing", "--draft", draft])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try box.gitOutput(["diff", "--name-only", "main", "drafts/\(draft)"]).isEmpty)
    }

    @Test("refusals write nothing: unknown category, a used one, a taken id, the only one")
    func refusals() throws {
        let box = try Sandbox()
        let before = try box.snapshot()
        let cases: [([String], String)] = [
            (["faq", "category", "rename", "nope", "X"], "there is no category \"nope\"; categories: trigger-point-dry-needling"),
            (["faq", "category", "remove", "nope"], "there is no category \"nope\""),
            (["faq", "category", "remove", "trigger-point-dry-needling"], "still used by 10 FAQ entries: what-is-dry-needling"),
            (["faq", "category", "add", "Trigger Point Dry Needling"], "already a category \"trigger-point-dry-needling\""),
            (["faq", "category", "add", "Billing", "--id", "Not A Slug"], "must be lower-case"),
        ]
        for (arguments, message) in cases {
            let run = try box.clinicctl(arguments)
            #expect(run.status != 0, "\(arguments)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        #expect(try box.snapshot() == before)
    }

    @Test("search finds questions and answers in every locale, ignoring case and accents")
    func search() throws {
        let box = try Sandbox()
        let spanish = try box.clinicctl([
            "faq", "edit", "is-the-procedure-painful", "--locale", "es", "--question", "¿Es doloroso el procedimiento?", "--answer",
            "Puede causar una molestia leve y breve en el músculo.",
        ])
        #expect(spanish.status == 0, "\(spanish.stderr)")
        let draft = "faq-is-the-procedure-painful"
        let run = try box.clinicctl(["faq", "search", "MÚSCULO", "--draft", draft, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let matches = try #require(try decodeJSON(run) as? [[String: Any]])
        #expect(
            matches.contains {
                $0["entry"] as? String == draft.replacingOccurrences(of: "faq-", with: "") && $0["locale"] as? String == "es"
                    && $0["field"] as? String == "answer"
            })
        let painful = try box.clinicctl(["faq", "search", "painful"])
        #expect(painful.stdout.contains("is-the-procedure-painful") && painful.stdout.contains("question"), "\(painful.stdout)")
        #expect(!painful.stdout.contains("what-is-dry-needling  en      question"))
        let none = try box.clinicctl(["faq", "search", "zebra crossing"])
        #expect(none.status == 0 && none.stdout.contains("No question or answer contains"))
        #expect(try box.clinicctl(["faq", "search", "  "]).status == 64)
    }
}
