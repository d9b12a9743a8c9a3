import Foundation
import Testing

@Suite("clinicctl draft undo, drop, reopen")
struct DraftRewriteTests {
    let draft = "hours-glenview"

    let glenview = "content/hours/glenview.yaml"
    let loop = "content/hours/the-loop.yaml"
    let answer = "content/faq/what-is-dry-needling.md"

    /// A draft of three edits: Glenview's Saturday, an FAQ answer, The Loop's Friday.
    func threeEdits(_ box: Sandbox) throws {
        #expect(try box.clinicctl(["hours", "set", "glenview", "sat", "9am-1pm"]).status == 0)
        #expect(try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", "Needles.", "--draft", draft]).status == 0)
        #expect(try box.clinicctl(["hours", "set", "the-loop", "fri", "8am-3pm", "--draft", draft]).status == 0)
    }

    /// Whether `path` reads the same on the draft as on main.
    func asPublished(_ box: Sandbox, _ path: String) throws -> Bool {
        try box.show("drafts/\(draft)", path) == box.show("main", path)
    }

    func subjects(_ box: Sandbox) throws -> [String] {
        try box.gitOutput(["log", "--format=%s", "--reverse", "main..drafts/\(draft)"]).components(separatedBy: "\n")
    }

    @Test("undo takes the last edit out; the old tip is kept under refs/clinicctl/previous")
    func undo() throws {
        let box = try Sandbox()
        try threeEdits(box)
        let oldTip = try box.gitOutput(["rev-parse", "drafts/\(draft)"])
        let run = try box.clinicctl(["draft", "undo", draft, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try #require(try decodeJSON(run) as? [String: Any])
        #expect(result["dropped"] as? Int == 3)
        #expect((result["remainingEdits"] as? [String])?.count == 2)
        let parent = try box.gitOutput(["rev-parse", "\(oldTip)~1"])
        #expect(try box.gitOutput(["rev-parse", "drafts/\(draft)"]) == parent, "undoing the last edit needs no new commit")
        #expect(try box.gitOutput(["rev-parse", "refs/clinicctl/previous/\(draft)"]) == oldTip)
        #expect(try asPublished(box, loop))
        #expect(try !asPublished(box, glenview) && !asPublished(box, answer))
        #expect(try box.git(["fsck", "--strict"]).status == 0)
    }

    @Test("drop --edit 1 re-applies the later edits onto the base, keeping their authors")
    func dropFirst() throws {
        let box = try Sandbox()
        try threeEdits(box)
        let run = try box.clinicctl(["draft", "drop", draft, "--edit", "1"], as: Sandbox.reviewer)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Took edit 1"))
        let left = try subjects(box)
        #expect(left.count == 2)
        #expect(left.allSatisfy { !$0.contains("glenview") }, "\(left)")
        #expect(try box.gitOutput(["rev-parse", "drafts/\(draft)~2"]) == (try box.gitOutput(["rev-parse", "main"])))
        #expect(try box.gitOutput(["log", "--format=%an <%ae>", "-1", "drafts/\(draft)"]) == Sandbox.manager)
        #expect(try asPublished(box, glenview))
        #expect(try !asPublished(box, loop) && !asPublished(box, answer), "the later edits are still there")
        #expect(try box.git(["fsck", "--strict"]).status == 0)
    }

    @Test("refusals write nothing: unknown draft, edit out of range, the only edit, no edits, a later edit building on it")
    func refusals() throws {
        let box = try Sandbox()
        // The second edit changes Saturday again: without the first, it would change what the first one set.
        #expect(try box.clinicctl(["hours", "set", "glenview", "sat", "9am-1pm"]).status == 0)
        #expect(try box.clinicctl(["hours", "set", "glenview", "sat", "10am-2pm", "--draft", draft]).status == 0)
        #expect(try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", "Needles."]).status == 0)
        #expect(try box.git(["branch", "drafts/empty", "main"]).status == 0)
        let before = try box.snapshot()
        let cases: [([String], Int32, String)] = [
            (["draft", "undo", "nope"], 1, "there is no open draft \"nope\""),
            (["draft", "drop", draft, "--edit", "3"], 1, "there is no edit 3"),
            (["draft", "drop", draft, "--edit", "0"], 64, "counts from 1"),
            (["draft", "drop", draft, "--edit", "1"], 1, "builds on it"),
            (["draft", "undo", "faq-what-is-dry-needling"], 1, "draft discard"),
            (["draft", "undo", "empty"], 1, "nothing to undo"),
            (["draft", "reopen", draft], 1, "is open, not rejected"),
            (["draft", "reopen", "nope"], 1, "no draft \"nope\" was rejected"),
        ]
        for (arguments, status, message) in cases {
            let run = try box.clinicctl(arguments)
            #expect(run.status == status, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        #expect(try box.snapshot() == before)
    }

    @Test("a rejected draft reopens as it was; the rejection stays readable")
    func reopen() throws {
        let box = try Sandbox()
        try threeEdits(box)
        let tip = try box.gitOutput(["rev-parse", "drafts/\(draft)"])
        #expect(try box.clinicctl(["review", "reject", draft, "--reason", "Fridays stay long."], as: Sandbox.reviewer).status == 0)
        let rejectionRef = try box.rejectionRecord(of: draft)
        let record = try box.gitOutput(["rev-parse", rejectionRef])
        let refused = try box.clinicctl(["draft", "reopen", draft], as: "Stranger <stranger@example.com>")
        #expect(refused.status == 1 && refused.stderr.contains("may reopen it"))
        let run = try box.clinicctl(["draft", "reopen", draft, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try box.gitOutput(["rev-parse", "drafts/\(draft)"]) == tip)
        // The rejection stays on record; a reopening on top of it, by the author, answers it.
        #expect(try box.gitOutput(["rev-parse", rejectionRef]) == record)
        let reopening = "refs/clinicctl/reopened/\(draft)-\(record.prefix(7))"
        #expect(try box.gitOutput(["rev-parse", "\(reopening)^"]) == record)
        #expect(
            try box.gitOutput(["log", "-1", "--format=%an|%(trailers:key=Reopened-by,valueonly)", reopening])
                == "\(Sandbox.manager.split(separator: "<")[0].trimmingCharacters(in: .whitespaces))|\(Sandbox.manager)")
        #expect(try box.clinicctl(["draft", "undo", draft]).status == 0, "the reopened draft can be fixed")
        let again = try box.clinicctl(["draft", "reopen", draft])
        #expect(again.status == 1 && again.stderr.contains("is open, not rejected"))
    }
}
