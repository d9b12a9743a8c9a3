import Foundation
import Testing

@Suite("review visibility: an approval approves what was shown, by someone who wrote none of it")
struct ReviewVisibilityApprovalTests {
    @Test("an edit added after review show is not approved unseen; the refusal names it")
    func movedSinceShown() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(["clinic", "set", "--phone", "+1 312 555 0199"]).status == 0)
        let shown = try box.clinicctl(["review", "show", "clinic"], as: Sandbox.reviewer)
        let tip = try box.gitOutput(["rev-parse", "drafts/clinic"])
        #expect(shown.stdout.contains("Shown at tip \(tip)"), "\(shown.stdout)")
        let added = try box.clinicctl(["clinic", "set", "--phone", "+1 312 555 0142", "--draft", "clinic", "--message", "Sneaky phone"])
        #expect(added.status == 0, "\(added.stderr)")
        let before = try box.snapshot()
        let refused = try box.clinicctl(["review", "approve", "clinic", "--no-publish"], as: Sandbox.reviewer)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("moved after you reviewed it"), "\(refused.stderr)")
        #expect(refused.stderr.contains("Sneaky phone"), "\(refused.stderr)")
        #expect(try box.snapshot() == before)
        // Shown again, it is approved at the tip shown.
        #expect(try box.clinicctl(["review", "show", "clinic"], as: Sandbox.reviewer).status == 0)
        let latest = try box.gitOutput(["rev-parse", "drafts/clinic"])
        let approved = try box.clinicctl(["review", "approve", "clinic", "--no-publish"], as: Sandbox.reviewer)
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(try box.publishedMessage().contains("Approved-commit: \(latest)"))
    }

    @Test("--tip approves only that tip; a draft never shown is printed whole as it is approved")
    func explicitTipAndUnseen() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(["clinic", "set", "--phone", "+1 312 555 0199"]).status == 0)
        let stale = try box.gitOutput(["rev-parse", "drafts/clinic"])
        #expect(try box.clinicctl(["clinic", "set", "--phone", "+1 312 555 0142", "--draft", "clinic"]).status == 0)
        let refused = try box.clinicctl(["review", "approve", "clinic", "--no-publish", "--tip", stale], as: Sandbox.reviewer)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("moved after you reviewed it"), "\(refused.stderr)")
        let unseen = try box.clinicctl(["review", "approve", "clinic", "--no-publish"], as: Sandbox.reviewer)
        #expect(unseen.status == 0, "\(unseen.stderr)")
        #expect(unseen.stdout.contains("You had not opened draft clinic"), "\(unseen.stdout)")
        #expect(unseen.stdout.contains("Shown at tip"), "\(unseen.stdout)")
    }

    @Test("a reviewer's commit merged into someone else's draft keeps that reviewer from approving; history names every author")
    func selfApprovalThroughMerge() throws {
        let box = try Sandbox()
        let rita = (name: "Rita Reviewer", email: "rita@clinic.example")
        try box.gitOutput(["checkout", "-q", "-b", "side", "main"])
        try box.write("content/categories.yaml", try box.show("main", "content/categories.yaml") + "\n# noted\n")
        try box.gitOutput(["-c", "user.name=\(rita.name)", "-c", "user.email=\(rita.email)", "commit", "-q", "-am", "Rita's own change"])
        try box.gitOutput(["checkout", "-q", "main"])
        #expect(try box.clinicctl(["clinic", "set", "--phone", "+1 312 555 0199"]).status == 0)
        try box.gitOutput(["checkout", "-q", "drafts/clinic"])
        try box.gitOutput([
            "-c", "user.name=Olivia Office", "-c", "user.email=office@clinic.example", "merge", "-q", "--no-ff", "-m", "Bring in side",
            "side",
        ])
        try box.gitOutput(["checkout", "-q", "main"])
        let before = try box.snapshot()
        let refused = try box.clinicctl(["review", "approve", "clinic", "--no-publish"], as: Sandbox.reviewer)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Rita's own change"), "\(refused.stderr)")
        #expect(try box.snapshot() == before)
        let approved = try box.clinicctl(["review", "approve", "clinic", "--no-publish"], as: Sandbox.secondReviewer)
        #expect(approved.status == 0, "\(approved.stderr)")
        let history = try box.clinicctl(["history"])
        let latest = history.stdout.components(separatedBy: "\n").prefix(3).joined(separator: "\n")
        #expect(latest.contains("Rita Reviewer") && latest.contains("Olivia Office"), "\(history.stdout)")
    }

    @Test("escape sequences from commit summaries and author names are shown, not obeyed")
    func terminalEscapes() throws {
        let box = try Sandbox()
        try box.plainGitDraft("escape", message: "Fix typo\u{1b}[8m hidden", author: (name: "Eve\u{1b}[8m", email: "eve@clinic.example")) {
            _ in
            try box.write("content/categories.yaml", try box.show("main", "content/categories.yaml") + "\n# noted\n")
        }
        for arguments in [["drafts"], ["review", "list"], ["review", "show", "escape"]] {
            let run = try box.clinicctl(arguments, as: Sandbox.reviewer)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!run.stdout.contains("\u{1b}"), "\(arguments)")
            #expect(run.stdout.contains("^[[8m"), "\(arguments): \(run.stdout)")
        }
    }
}
