import Foundation
import Testing

/// Every refused edit leaves refs, reachable objects, index and files exactly as they were.
@Suite("refused edits change nothing")
struct TransactionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let status: Int32
        /// A rule id or phrase expected on standard error.
        let expected: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(
            arguments: ["faq", "add", "--question", "Is it <b>safe</b>?", "--answer", "Yes <script>alert(1)</script>"], status: 1,
            expected: "[faq.answer.html]"),
        Case(
            arguments: ["faq", "add", "--question", "Link?", "--answer", "[click](javascript:alert(1))"], status: 1,
            expected: "[faq.answer.link]"),
        Case(
            arguments: ["faq", "add", "--question", String(repeating: "x", count: 201) + "?", "--answer", "Y."], status: 1,
            expected: "[faq.question.length]"),
        Case(
            arguments: ["faq", "add", "--question", "Which?", "--answer", "Y.", "--category", "nope"], status: 1, expected: "[ref.category]"
        ),
        Case(
            arguments: ["faq", "add", "--question", "Slug?", "--answer", "Y.", "--id", "Not A Slug"], status: 64,
            expected: "cannot be an FAQ entry's id"),
        Case(arguments: ["faq", "add", "--question", "No answer?"], status: 64, expected: "missing --answer"),
        Case(arguments: ["faq", "edit", "no-such-entry", "--answer", "x"], status: 1, expected: "there is no FAQ entry"),
        Case(arguments: ["faq", "edit", "what-is-dry-needling", "--question", ""], status: 1, expected: "[faq.question.required]"),
        Case(
            arguments: ["faq", "move", "what-is-dry-needling", "--after", "nowhere"], status: 1,
            expected: "there is no FAQ entry \"nowhere\""),
        Case(arguments: ["hours", "set", "the-loop", "mon", "07:00-07:00"], status: 64, expected: "ends at or before it starts"),
        Case(arguments: ["hours", "set", "the-loop", "mon", "7am-noon,11am-3pm"], status: 1, expected: "[hours.overlap]"),
        Case(arguments: ["hours", "set", "the-loop", "funday", "07:00-08:00"], status: 64, expected: "is not a set of days"),
        Case(arguments: ["hours", "set", "the-loop", "mon", "25:00-26:00"], status: 64, expected: "is not a time range"),
        Case(arguments: ["hours", "set", "nowhere", "mon", "07:00-08:00"], status: 1, expected: "there is no location"),
        Case(
            arguments: ["hours", "special", "add", "the-loop", "2026-12-26..2026-12-24", "--closed"], status: 1, expected: "[special.order]"
        ),
        Case(arguments: ["hours", "special", "add", "the-loop", "2026-02-30", "--closed"], status: 64, expected: "is not a date"),
        Case(arguments: ["hours", "special", "remove", "the-loop", "2026-01-01"], status: 1, expected: "has no special hours"),
        Case(
            arguments: ["location", "add", "x", "--label", "X", "--street", "1 Main", "--city", "C", "--state", "ZZ", "--zip", "60603"],
            status: 1, expected: "[address.state]"),
        Case(
            arguments: ["location", "add", "x", "--label", "X", "--street", "1 Main", "--city", "C", "--state", "IL", "--zip", "6060"],
            status: 1, expected: "[address.zip]"),
        Case(arguments: ["location", "add", "x", "--label", "X"], status: 64, expected: "needs --street"),
        Case(arguments: ["location", "edit", "the-loop", "--phone", "555"], status: 64, expected: "is not a phone number"),
        Case(arguments: ["social", "add", "instagram", "https://evil.example/jason", "--replace"], status: 1, expected: "[social.host]"),
        Case(arguments: ["social", "add", "facebook", "http://www.facebook.com/x"], status: 1, expected: "[url.https]"),
        Case(arguments: ["social", "add", "myspace", "https://myspace.com/x"], status: 64, expected: "myspace"),
        Case(arguments: ["social", "remove", "youtube"], status: 1, expected: "is not listed"),
        Case(arguments: ["clinic", "set", "--timezone", "CST"], status: 1, expected: "[clinic.timezone]"),
        Case(arguments: ["clinic", "set", "--email", "not-an-email"], status: 1, expected: "[clinic.email]"),
        Case(arguments: ["clinic", "set", "--website", "http://insecure.example"], status: 1, expected: "[url.https]"),
        Case(arguments: ["clinic", "set", "--name", "Jason The PT"], status: 1, expected: "nothing to change"),
        Case(
            arguments: ["faq", "add", "--question", "Q?", "--answer", "A.", "--draft", "no-such-draft"], status: 1,
            expected: "there is no open draft"),
    ]

    @Test("refused with the finding, and the repository byte-identical", arguments: cases)
    func refused(_ c: Case) throws {
        let box = try Sandbox()
        let before = try box.snapshot()
        let run = try box.clinicctl(c.arguments)
        #expect(run.status == c.status, "stdout: \(run.stdout)\nstderr: \(run.stderr)")
        #expect(run.stderr.contains(c.expected), "stderr: \(run.stderr)")
        #expect(try box.snapshot() == before)
    }

    @Test("no identity: a clear error saying how to set one, nothing written")
    func noIdentity() throws {
        let box = try Sandbox()
        let before = try box.snapshot()
        let run = try box.clinicctl(["faq", "remove", "what-is-dry-needling"], as: nil)
        #expect(run.status == 1)
        #expect(run.stderr.contains("--as \"Your Name <you@example.com>\""))
        #expect(run.stderr.contains("CLINICCTL_AUTHOR"))
        #expect(try box.snapshot() == before)
        let explicit = try box.clinicctl(["faq", "remove", "what-is-dry-needling", "--as", "Pat Part-Time <pat@clinic.example>"], as: nil)
        #expect(explicit.status == 0, "\(explicit.stderr)")
        #expect(try box.gitOutput(["log", "-1", "--format=%an", "drafts/faq-remove-what-is-dry-needling"]) == "Pat Part-Time")
    }

    @Test("an edit onto a draft that moved meanwhile keeps both edits")
    func draftMovedMeanwhile() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(["faq", "add", "--question", "First?", "--answer", "One."]).status == 0)
        // Two editors add to the same draft at the same time.
        let group = DispatchGroup()
        let results = Locked<[Run]>([])
        for index in 0..<4 {
            group.enter()
            DispatchQueue.global().async {
                let run = try? box.clinicctl(["faq", "add", "--question", "Parallel \(index)?", "--answer", "Yes.", "--draft", "faq-first"])
                results.update { $0.append(run ?? Run(status: -1, stdout: "", stderr: "did not run")) }
                group.leave()
            }
        }
        group.wait()
        let landed = results.value.filter { $0.status == 0 }.count
        #expect(results.value.allSatisfy { $0.status == 0 || $0.stderr.contains("changed while this edit was being saved") })
        #expect(try box.gitOutput(["rev-list", "--count", "main..drafts/faq-first"]) == String(1 + landed))
        #expect(landed >= 1)
        #expect(try box.git(["fsck", "--strict"]).status == 0)
    }
}
