import ClinicContent
import Foundation
import Testing

/// Rules for FAQ entries (`content/faq/<id>.md`), each proved by breaking one
/// thing in `is-the-procedure-painful.md` and seeing exactly one finding.
@Suite("FAQ rules")
struct FAQRuleTests {
    let painful = RealFile.painful
    let question = "question: Is the procedure painful?"
    let body = "Most patients do not feel the insertion of the needle."

    @Test("an empty question prints exactly the issue's line when it is the first key")
    func emptyQuestionIssueExample() throws {
        let (_, all) = try validateRealContent { files in
            replace(&files, painful, "id: is-the-procedure-painful\n\(question)", "question:\nid: is-the-procedure-painful")
        }
        #expect(
            all.map(\.compilerStyle) == [
                "content/faq/is-the-procedure-painful.md:2:11: error: question is empty [faq.question.required]"
            ])
        #expect(all.first?.field == "question")
    }

    @Test(
        "an empty question is reported where its value goes, on its line in the file",
        arguments: ["question:", "question: ", "question: \"\"", "question: \"   \""])
    func emptyQuestion(line: String) throws {
        let (_, all) = try validateRealContent { replace(&$0, painful, question, line) }
        #expect(all.map(\.summary) == ["\(painful):3:11: error [faq.question.required]"])
        #expect(all.first?.message == "question is empty")
    }

    @Test("a missing question is reported at the front matter")
    func missingQuestion() throws {
        let (_, all) = try validateRealContent { replace(&$0, painful, "\(question)\n", "") }
        #expect(all.map(\.summary) == ["\(painful):2:1: error [faq.question.required]"])
        #expect(all.first?.message == "question is missing")
    }

    @Test("an empty answer below the front matter")
    func emptyAnswer() throws {
        let all = try findings { files in
            let text = files[painful]!
            files[painful] = String(text[..<text.range(of: "---\nMost")!.lowerBound]) + "---\n"
        }
        #expect(all == ["\(painful):7:1: error [faq.answer.required]"])
    }

    @Test(
        "a file without its closing --- line is a front-matter finding, not a crash",
        arguments: [("position: 50\n---\n", "position: 50\n"), ("---\nid:", "id:")])
    func brokenFrontMatter(old: String, new: String) throws {
        #expect(try findings { replace(&$0, painful, old, new) } == ["\(painful):1:1: error [faq.front-matter]"])
    }

    @Test("a YAML error in the front matter is at its line in the file")
    func frontMatterSyntax() throws {
        let (_, all) = try validateRealContent { replace(&$0, painful, "position: 50", "position: 50: 60") }
        #expect(all.map(\.rule) == ["yaml.syntax"])
        #expect(all.map(\.line) == [5])
        #expect(all.map(\.file) == [painful])
    }

    @Test(
        "raw HTML in the answer is found at its line and column in the file",
        arguments: [
            ("Most <b>patients</b> do", 7, 6),
            ("Most patients do\nnot <img src=x onerror=alert(1)> feel", 8, 5),
            ("Most patients.\n\n<script>alert(1)</script>\n\nThey do", 9, 1),
        ])
    func rawHTML(replacement: String, line: Int, column: Int) throws {
        let (_, all) = try validateRealContent { replace(&$0, painful, "Most patients do", replacement) }
        #expect(all.first.map(\.summary) == "\(painful):\(line):\(column): error [faq.answer.html]")
        #expect(Set(all.map(\.rule)) == ["faq.answer.html"])
        #expect(all.allSatisfy { $0.field == "answer" })
    }

    @Test("the answer's line counts blank lines between the front matter and the text")
    func rawHTMLAfterBlankLines() throws {
        let all = try findings { replace(&$0, painful, "---\nMost patients", "---\n\n\nMost <script>patients") }
        #expect(all == ["\(painful):9:6: error [faq.answer.html]"])
    }

    @Test("raw HTML in a translated answer points at that answer")
    func rawHTMLInTranslation() throws {
        let all = try findings {
            replace(
                &$0, painful, "position: 50\n",
                "position: 50\ntranslations:\n  es:\n    question: ¿Duele?\n    answer: \"Casi <img src=x> nada\"\n")
        }
        #expect(all == ["\(painful):9:13: error [faq.answer.html]"])
    }

    @Test(
        "links that can run script or go nowhere are refused",
        arguments: ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hi", "vbscript:x", "/contact", "#top", "contact.html"])
    func badLink(url: String) throws {
        let all = try findings { replace(&$0, painful, body, "Most patients do not feel [the needle](\(url)).") }
        #expect(all == ["\(painful):7:27: error [faq.answer.link]"])
    }

    @Test(
        "full https, http, mailto, tel and sms links are allowed",
        arguments: [
            "https://example.com/a?b=c", "http://example.com", "mailto:office@example.com", "tel:+17739999825", "sms:+17739999825",
        ])
    func goodLink(url: String) throws {
        #expect(try findings { replace(&$0, painful, body, "Most patients do not feel [the needle](\(url)).") } == [])
    }

    @Test(
        "an embedded image is refused wherever it points (a remote one would track readers); a link to it is fine",
        arguments: ["https://tracker.example/p.gif", "http://clinic.example/needle.png"])
    func embeddedImage(url: String) throws {
        let all = try findings { replace(&$0, painful, body, "Most patients do not feel ![the needle](\(url)).") }
        #expect(all == ["\(painful):7:27: error [faq.answer.image]"])
        #expect(try findings { replace(&$0, painful, body, "Most patients do not feel [the needle](\(url)).") } == [])
    }

    @Test("a question may be 200 characters, not 201", arguments: [(200, false), (201, true)])
    func questionLength(count: Int, refused: Bool) throws {
        let long = String(repeating: "a", count: count - 1) + "?"
        let all = try findings { replace(&$0, painful, question, "question: \(long)") }
        #expect(all == (refused ? ["\(painful):3:11: error [faq.question.length]"] : []))
    }

    @Test("an answer may be 10,000 characters, not 10,001", arguments: [(10_000, false), (10_001, true)])
    func answerLength(count: Int, refused: Bool) throws {
        let all = try findings { files in
            let text = files[painful]!
            files[painful] = String(text[..<text.range(of: "Most")!.lowerBound]) + String(repeating: "a", count: count) + "\n"
        }
        #expect(all == (refused ? ["\(painful):7:1: error [faq.answer.length]"] : []))
    }

    @Test("an escaped control character in the question is text.control")
    func controlInQuestion() throws {
        let (_, all) = try validateRealContent { replace(&$0, painful, question, #"question: "Is the procedure\a painful?""#) }
        #expect(all.map(\.summary) == ["\(painful):3:11: error [text.control]"])
        #expect(all.first?.message.contains("U+0007") == true)
    }

    @Test("a raw control character in the answer is text.control at the answer")
    func controlInAnswer() throws {
        #expect(try findings { replace(&$0, painful, "Most patients", "Most\u{7} patients") } == ["\(painful):7:1: error [text.control]"])
    }

    @Test("a raw control character in the front matter is a YAML error on its own line")
    func rawControlInFrontMatter() throws {
        let all = try findings { replace(&$0, painful, "Is the procedure", "Is\u{7} the procedure") }
        #expect(all == ["\(painful):3:13: error [yaml.syntax]"])
    }

    @Test("tags are slugs", arguments: [("[Dry Needling]", 8), ("[pain, Dry_Needling]", 14)])
    func badTag(tags: String, column: Int) throws {
        let all = try findings { replace(&$0, painful, "position: 50\n", "position: 50\ntags: \(tags)\n") }
        #expect(all == ["\(painful):6:\(column): error [faq.tag]"])
    }

    @Test("slug tags pass")
    func goodTags() throws {
        #expect(try findings { replace(&$0, painful, "position: 50\n", "position: 50\ntags: [pain, dry-needling, 2026]\n") } == [])
    }

    @Test("two entries at one position is a warning on the later file, failing only strict runs")
    func duplicatePosition() throws {
        let (_, all) = try validateRealContent { replace(&$0, painful, "position: 50", "position: 10") }
        #expect(all.map(\.summary) == ["content/faq/what-is-dry-needling.md:5:11: warning [faq.position.duplicate]"])
        #expect(all.first?.message.contains("is-the-procedure-painful") == true)
        #expect(!all.fail(strict: false))
        #expect(all.fail(strict: true))
    }

    @Test("lastReviewed must be a real date", arguments: ["2026-02-30", "2026-13-01", "yesterday", "2026-1-5"])
    func lastReviewed(date: String) throws {
        let all = try findings { replace(&$0, painful, "position: 50\n", "position: 50\nlastReviewed: \"\(date)\"\n") }
        #expect(all == ["\(painful):6:15: error [faq.last-reviewed]"])
    }

    @Test("a real lastReviewed date passes")
    func goodLastReviewed() throws {
        #expect(try findings { replace(&$0, painful, "position: 50\n", "position: 50\nlastReviewed: \"2024-02-29\"\n") } == [])
    }

    @Test("the category must exist")
    func unknownCategory() throws {
        let (_, all) = try validateRealContent { replace(&$0, painful, "category: trigger-point-dry-needling", "category: needling") }
        #expect(all.map(\.summary) == ["\(painful):4:11: error [ref.category]"])
        #expect(all.first?.message.contains("trigger-point-dry-needling") == true)
    }

    @Test("the id must match the file name")
    func idFileName() throws {
        let all = try findings { replace(&$0, painful, "id: is-the-procedure-painful", "id: does-it-hurt") }
        #expect(all == ["\(painful):2:5: error [id.filename]"])
    }

    @Test("the id must be a slug, even when the file is named after it")
    func idSlug() throws {
        let all = try findings { rename(&$0, painful, to: "content/faq/Is_Painful.md", "id: is-the-procedure-painful", "id: Is_Painful") }
        #expect(all == ["content/faq/Is_Painful.md:2:5: error [id.slug]"])
    }

    @Test("a copied entry repeats its id and position; the copy sorts first, so the original is the repeat")
    func duplicateEntry() throws {
        let copy = "content/faq/is-the-procedure-painful-2.md"
        let all = try findings { $0[copy] = $0[painful] }
        #expect(
            all == [
                "\(copy):2:5: error [id.filename]",
                "\(painful):2:5: error [id.unique]", "\(painful):5:11: warning [faq.position.duplicate]",
            ])
    }
}
