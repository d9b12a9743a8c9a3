import Foundation
import Testing

@Suite("review, approve, reject")
struct ReviewWorkflowTests {
    @Test("the full story: draft, review show, approve; main equals the draft; trailers in git log")
    func fullStory() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."]).status == 0)
        #expect(try box.clinicctl(["hours", "set", "glenview", "sat", "9am-1pm", "--draft", "faq-do-you-take-insurance"]).status == 0)
        let draftTip = try box.gitOutput(["rev-parse", "drafts/faq-do-you-take-insurance"])
        let mainBefore = try box.gitOutput(["rev-parse", "main"])

        let show = try box.clinicctl(["review", "show", "faq-do-you-take-insurance"], as: Sandbox.reviewer)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("ADDED FAQ \"Do you take insurance?\""))
        #expect(show.stdout.contains("Sat  by appointment (By appointment)  09:00-13:00"))
        #expect(show.stdout.contains("Merges cleanly with main and the result validates"))

        let approve = try box.clinicctl(["review", "approve", "faq-do-you-take-insurance", "--json"], as: Sandbox.reviewer)
        #expect(approve.status == 0, "\(approve.stderr)")
        let result = try #require(try decodeJSON(approve) as? [String: Any])
        #expect(result["workingTree"] as? String == "updated")
        #expect(try box.gitOutput(["rev-parse", "main^1"]) == mainBefore)
        #expect(try box.gitOutput(["rev-parse", "main^2"]) == draftTip)
        #expect(try box.gitOutput(["diff", draftTip, "main", "--", "content"]) == "", "published content equals the draft's")
        let trailers = try box.gitOutput(["log", "-1", "--format=%(trailers)", "main"])
        #expect(trailers.contains("Approved-by: \(Sandbox.reviewer)"))
        #expect(trailers.contains("Draft: faq-do-you-take-insurance"))
        #expect(trailers.contains("Approved-commit: \(draftTip)"))
        #expect(try box.gitOutput(["log", "-1", "--format=%an <%ae>", "main"]) == Sandbox.reviewer)
        #expect(
            try box.git(["rev-parse", "--verify", "-q", "refs/heads/drafts/faq-do-you-take-insurance"]).status != 0, "the draft is closed")
        #expect(try box.gitOutput(["status", "--porcelain"]) == "")
        let onDisk = try String(contentsOf: box.repo.appendingPathComponent("content/faq/do-you-take-insurance.md"), encoding: .utf8)
        #expect(onDisk.hasSuffix("Yes.\n"))
        #expect(try box.git(["fsck", "--strict"]).status == 0)

        let history = try box.clinicctl(["history", "faq", "do-you-take-insurance"])
        #expect(history.stdout.contains("drafted by Olivia Office; approved by Rita Reviewer"))
    }

    @Test("refusals leave every ref as it was", arguments: ["self", "unlisted", "listed-only-in-draft"])
    func refusals(_ kind: String) throws {
        let box = try Sandbox()
        var approver = Sandbox.reviewer
        switch kind {
        case "self":
            #expect(try box.clinicctl(["faq", "remove", "what-is-dry-needling"], as: Sandbox.reviewer).status == 0)
        case "unlisted":
            #expect(try box.clinicctl(["faq", "remove", "what-is-dry-needling"]).status == 0)
            approver = "Mallory Mole <mallory@elsewhere.example>"
        default:
            approver = "Mallory Mole <mallory@elsewhere.example>"
            try box.gitOutput(["switch", "-q", "-c", "drafts/faq-remove-what-is-dry-needling"])
            try "  - name: Mallory Mole\n    email: mallory@elsewhere.example\n".appendTo(box.repo.appendingPathComponent("clinicctl.yaml"))
            try box.gitOutput([
                "-c", "user.name=Mallory Mole", "-c", "user.email=mallory@elsewhere.example", "commit", "-qam", "Make me a reviewer",
            ])
            try box.gitOutput(["switch", "-q", "main"])
        }
        let before = try box.snapshot()
        let run = try box.clinicctl(["review", "approve", "faq-remove-what-is-dry-needling"], as: approver)
        #expect(run.status == 1)
        #expect(run.stderr.contains(kind == "self" ? "another reviewer must approve it" : "is not a reviewer"), "\(run.stderr)")
        #expect(try box.snapshot() == before)
    }

    @Test("two drafts valid alone but invalid together: the second approval is refused with the finding")
    func invalidTogether() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(["faq", "add", "--question", "New question?", "--answer", "New answer."]).status == 0)
        // Meanwhile someone renames the category by hand, in a draft of their own.
        try box.gitOutput(["switch", "-q", "-c", "drafts/rename-category"])
        for file in try FileManager.default.contentsOfDirectory(atPath: box.repo.appendingPathComponent("content/faq").path) {
            try box.repo.appendingPathComponent("content/faq/\(file)").replace("trigger-point-dry-needling", with: "dry-needling")
        }
        try box.repo.appendingPathComponent("content/categories.yaml").replace("id: trigger-point-dry-needling", with: "id: dry-needling")
        try box.gitOutput([
            "-c", "user.name=Olivia Office", "-c", "user.email=office@clinic.example", "commit", "-qam", "Rename the category",
        ])
        try box.gitOutput(["switch", "-q", "main"])
        #expect(try box.clinicctl(["review", "approve", "rename-category"], as: Sandbox.reviewer).status == 0)
        let before = try box.snapshot()
        let run = try box.clinicctl(["review", "approve", "faq-new-question"], as: Sandbox.reviewer)
        #expect(run.status == 1)
        #expect(run.stderr.contains("[ref.category]"), "\(run.stderr)")
        #expect(try box.snapshot() == before)
        let show = try box.clinicctl(["review", "show", "faq-new-question"], as: Sandbox.reviewer)
        #expect(show.stdout.contains("INVALID when merged with main"))
    }

    @Test("conflicting drafts: refused naming the entry and the field; draft update says who must decide")
    func conflicts() throws {
        let box = try Sandbox()
        // Both drafts set The Loop's Saturday, differently: the one field both changed.
        #expect(try box.clinicctl(["hours", "set", "the-loop", "sat", "09:00-12:00"]).status == 0)
        #expect(try box.clinicctl(["hours", "set", "the-loop", "sat", "08:00-16:00", "--as", Sandbox.secondReviewer], as: nil).status == 0)
        #expect(try box.clinicctl(["review", "approve", "hours-the-loop"], as: Sandbox.reviewer).status == 0)
        let before = try box.snapshot()
        let run = try box.clinicctl(["review", "approve", "hours-the-loop-2"], as: Sandbox.reviewer)
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("changed the same field differently") && run.stderr.contains("[hours/the-loop:sat]")
                && run.stderr.contains("now published 09:00-12:00; this draft 08:00-16:00"), "\(run.stderr)")
        #expect(try box.snapshot() == before)
        let update = try box.clinicctl(["draft", "update", "hours-the-loop-2"], as: Sandbox.secondReviewer)
        #expect(update.status == 1)
        #expect(update.stderr.contains("hours/the-loop"))
        #expect(try box.snapshot() == before)
    }

    @Test("a draft whose only change was decided for the published side says it changes nothing, and its approval would change nothing")
    func decidedForPublishedLeavesNoChange() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(["hours", "set", "the-loop", "sat", "09:00-12:00"]).status == 0)
        #expect(try box.clinicctl(["hours", "set", "the-loop", "sat", "08:00-16:00", "--as", Sandbox.secondReviewer], as: nil).status == 0)
        #expect(try box.clinicctl(["review", "approve", "hours-the-loop"], as: Sandbox.reviewer).status == 0)
        let taken = try box.clinicctl(["draft", "update", "hours-the-loop-2", "--take", "published"], as: Sandbox.secondReviewer)
        #expect(taken.status == 0 && taken.stdout.contains("hours the-loop · Saturday: took the published 09:00-12:00"), "\(taken.stderr)")
        let listed = try box.clinicctl(["drafts", "--json"], as: Sandbox.reviewer)
        let rows = try #require(try decodeJSON(listed) as? [[String: Any]])
        let row = try #require(rows.first { $0["id"] as? String == "hours-the-loop-2" || $0["draft"] as? String == "hours-the-loop-2" })
        #expect((row["title"] as? String)?.hasPrefix("No change left") == true, "\(row)")
        let shown = try box.clinicctl(["review", "show", "hours-the-loop-2"], as: Sandbox.reviewer)
        #expect(!shown.stdout.contains("CHANGED hours"), "\(shown.stdout)")
    }

    @Test("draft update re-applies a draft after another was approved")
    func update() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", "A needle, briefly."]).status == 0)
        #expect(try box.clinicctl(["hours", "set", "the-loop", "sat", "09:00-12:00"]).status == 0)
        #expect(try box.clinicctl(["review", "approve", "faq-what-is-dry-needling"], as: Sandbox.reviewer).status == 0)
        let oldTip = try box.gitOutput(["rev-parse", "drafts/hours-the-loop"])
        let run = try box.clinicctl(["draft", "update", "hours-the-loop"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try box.gitOutput(["rev-parse", "drafts/hours-the-loop~1"]) == (try box.gitOutput(["rev-parse", "main"])))
        #expect(try box.gitOutput(["rev-parse", "refs/clinicctl/previous/hours-the-loop"]) == oldTip, "the old edits stay reachable")
        #expect(try box.gitOutput(["log", "-1", "--format=%an", "drafts/hours-the-loop"]) == "Olivia Office")
        #expect(try box.clinicctl(["review", "approve", "hours-the-loop"], as: Sandbox.reviewer).status == 0)
    }

    @Test("two approvals racing from two processes: both land or one is cleanly refused")
    func racingApprovals() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", "Short."]).status == 0)
        #expect(try box.clinicctl(["hours", "set", "the-loop", "sat", "09:00-12:00"]).status == 0)
        let results = Locked<[String: Run]>([:])
        let group = DispatchGroup()
        for (draft, reviewer) in [("faq-what-is-dry-needling", Sandbox.reviewer), ("hours-the-loop", Sandbox.secondReviewer)] {
            group.enter()
            DispatchQueue.global().async {
                let run =
                    (try? box.clinicctl(["review", "approve", draft, "--no-publish"], as: reviewer))
                    ?? Run(status: -1, stdout: "", stderr: "did not run")
                results.update { $0[draft] = run }
                group.leave()
            }
        }
        group.wait()
        for (draft, run) in results.value {
            #expect(run.status == 0 || run.stderr.contains("try again"), "\(draft): \(run.stderr)")
        }
        let landed = results.value.filter { $0.value.status == 0 }.map(\.key)
        let merges = try box.gitOutput(["log", "--merges", "--format=%(trailers:key=Draft,valueonly)", "main"]).split(separator: "\n").map(
            String.init)
        #expect(Set(merges) == Set(landed))
        for draft in ["faq-what-is-dry-needling", "hours-the-loop"] where !landed.contains(draft) {
            #expect(try box.git(["rev-parse", "--verify", "-q", "refs/heads/drafts/\(draft)"]).status == 0, "a refused draft stays open")
        }
        #expect(try box.git(["fsck", "--strict"]).status == 0)
    }

    @Test("reject: the author sees the reason; the rejected commits stay readable")
    func reject() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you sell supplements?", "--answer", "Yes!"]).status == 0)
        let tip = try box.gitOutput(["rev-parse", "drafts/faq-do-you-sell-supplements"])
        let run = try box.clinicctl(
            ["review", "reject", "faq-do-you-sell-supplements", "--reason", "We do not sell anything."], as: Sandbox.reviewer)
        #expect(run.status == 0, "\(run.stderr)")
        let mine = try box.clinicctl(["drafts", "--mine"])
        #expect(mine.stdout.contains("rejected"))
        #expect(mine.stdout.contains("We do not sell anything."))
        let record = try box.rejectionRecord(of: "faq-do-you-sell-supplements")
        #expect(try box.gitOutput(["rev-parse", "\(record)^"]) == tip)
        #expect(try box.show(tip, "content/faq/do-you-sell-supplements.md").hasSuffix("Yes!"))
        #expect(
            try box.gitOutput([
                "log", "-1", "--format=%(trailers:key=Rejected-by,valueonly)", record,
            ]) == Sandbox.reviewer)
        let show = try box.clinicctl(["review", "show", "faq-do-you-sell-supplements"])
        #expect(show.stdout.contains("rejected by \(Sandbox.reviewer)"))
    }

    @Test("revert of an approved change round-trips the content")
    func revert() throws {
        let box = try Sandbox()
        let original = try box.gitOutput(["rev-parse", "main"])
        #expect(try box.clinicctl(["hours", "closed", "glenview", "fri"]).status == 0)
        #expect(try box.clinicctl(["review", "approve", "hours-glenview"], as: Sandbox.reviewer).status == 0)
        let run = try box.clinicctl(["revert", "main", "--json"], as: Sandbox.manager)
        #expect(run.status == 0, "\(run.stderr)")
        let draft = try #require((try decodeJSON(run) as? [String: Any])?["draft"] as? String)
        #expect(try box.clinicctl(["review", "approve", draft], as: Sandbox.secondReviewer).status == 0)
        #expect(try box.gitOutput(["diff", original, "main", "--", "content"]) == "")
    }

    @Test("approval with local changes in the working tree leaves them untouched and says so")
    func dirtyWorkingTree() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(["hours", "closed", "glenview", "fri"]).status == 0)
        let readme = box.repo.appendingPathComponent("content/README.md")
        try "local notes\n".appendTo(readme)
        let local = try Data(contentsOf: readme)
        let run = try box.clinicctl(["review", "approve", "hours-glenview", "--json"], as: Sandbox.reviewer)
        #expect(run.status == 0, "\(run.stderr)")
        #expect((try decodeJSON(run) as? [String: Any])?["workingTree"] as? String == "updated-around-local-changes")
        #expect(try Data(contentsOf: readme) == local)
        #expect(try box.gitOutput(["status", "--porcelain"]) == "M content/README.md")
        #expect(
            try String(contentsOf: box.repo.appendingPathComponent("content/hours/glenview.yaml"), encoding: .utf8)
                == (try box.show("main", "content/hours/glenview.yaml")) + "\n")
    }
}

extension String {
    func appendTo(_ url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        handle.write(Data(utf8))
        try handle.close()
    }
}

extension URL {
    func replace(_ old: String, with new: String) throws {
        let text = try String(contentsOf: self, encoding: .utf8)
        try text.replacingOccurrences(of: old, with: new).write(to: self, atomically: true, encoding: .utf8)
    }
}
