import Foundation
import Testing

/// An approval made offline while another reviewer's approval reached the server.
@Suite("Team: approvals made offline while the server moved on")
struct TeamSyncOfflineTests {
    /// The office's drafts on the server, Rita's laptop and Sam's desk as clones.
    private func team(drafts: [[String]]) throws -> (Team, laptop: URL, desk: URL) {
        let team = try Team()
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        for draft in drafts { #expect(try team.box.clinicctl(draft, in: office).status == 0, "\(draft)") }
        #expect(try team.box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let (desk, _) = try team.clone("desk", as: Sandbox.secondReviewer)
        return (team, laptop, desk)
    }

    /// The approvals on the server's published branch, by draft, oldest first.
    private func serverApprovals(_ team: Team) throws -> [String] {
        try team.box.gitOutput(["log", "--first-parent", "--merges", "--reverse", "--format=%s", "main"])
            .split(separator: "\n").map(String.init)
    }

    @Test func syncApprovesAgainOnTheServersTipAndSendsIt() throws {
        let (team, laptop, desk) = try team(drafts: [
            ["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."],
            ["faq", "add", "--question", "Is parking free?", "--answer", "Yes."],
        ])
        let box = team.box
        let offline = try box.clinicctl(
            ["review", "approve", "faq-do-you-take-insurance", "--local", "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(offline.status == 0, "\(offline.stderr)")
        let online = try box.clinicctl(["review", "approve", "faq-is-parking-free", "--no-publish"], as: Sandbox.secondReviewer, in: desk)
        #expect(online.status == 0, "\(online.stderr)")
        let before = try serverApprovals(team)

        let synced = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(synced.status == 0, "\(synced.stdout) \(synced.stderr)")
        #expect(
            synced.stdout.contains(
                "draft faq-do-you-take-insurance: approved here while the server moved on; approved again on the server's content and sent"),
            "\(synced.stdout)")
        let after = try serverApprovals(team)
        #expect(after.count == before.count + 1, "\(after)")
        #expect(after.filter { $0.contains("Do you take insurance?") }.count == 1, "\(after)")
        #expect(after.filter { $0.contains("Is parking free?") }.count == 1)
        #expect(try teamGitOutput(team, ["rev-parse", "main"], in: laptop) == team.serverRef("refs/heads/main"))
        // Rita's approval as it stands on the server is hers, on top of Sam's.
        #expect(try box.gitOutput(["log", "-1", "--format=%cn", "main"]) == "Rita Reviewer")
        #expect(try box.gitOutput(["log", "-1", "--format=%s", "main^1"]).contains("Is parking free?"))
    }

    @Test func anApprovalThatConflictsNowSaysWhichCommandFinishesIt() throws {
        let (team, laptop, desk) = try team(drafts: [
            ["faq", "edit", "what-is-dry-needling", "--answer", "A thin needle.", "--draft-name", "needle-short"],
            ["faq", "edit", "what-is-dry-needling", "--answer", "A very thin needle.", "--draft-name", "needle-long"],
        ])
        let box = team.box
        #expect(
            try box.clinicctl(["review", "approve", "needle-short", "--local", "--no-publish"], as: Sandbox.reviewer, in: laptop).status
                == 0)
        #expect(try box.clinicctl(["review", "approve", "needle-long", "--no-publish"], as: Sandbox.secondReviewer, in: desk).status == 0)
        let server = try team.serverRef("refs/heads/main")

        let synced = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(synced.status == 1)
        #expect(
            synced.stdout.contains("draft needle-short: approved here while the server moved on, and not approved again:"),
            "\(synced.stdout)")
        #expect(synced.stdout.contains("run `clinicctl review approve needle-short`"), "\(synced.stdout)")
        #expect(try team.serverRef("refs/heads/main") == server)
        // Nothing is lost: the laptop has the server's content and the draft is open again.
        #expect(try teamGitOutput(team, ["rev-parse", "main"], in: laptop) == server)
        #expect(try box.clinicctl(["drafts"], as: Sandbox.reviewer, in: laptop).stdout.contains("needle-short"))
    }

    @Test func aPlainGitCommitHereIsNotSentAndTheAdviceFinishesIt() throws {
        let (team, laptop, desk) = try team(drafts: [["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."]])
        let box = team.box
        try Data("# notes\n".utf8).write(to: laptop.appendingPathComponent("NOTES.md"))
        #expect(try gitAsRita(["add", "NOTES.md"], in: laptop).status == 0)
        #expect(try gitAsRita(["commit", "-qm", "Notes"], in: laptop).status == 0)
        #expect(
            try box.clinicctl(["review", "approve", "faq-do-you-take-insurance", "--no-publish"], as: Sandbox.secondReviewer, in: desk)
                .status == 0)
        let server = try team.serverRef("refs/heads/main")

        let synced = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(synced.status == 1)
        #expect(synced.stdout.contains("not only by unsigned approvals"), "\(synced.stdout)")
        #expect(synced.stdout.contains("`git reset --keep remotes/origin/main`"))
        #expect(try team.serverRef("refs/heads/main") == server)
        // What it says to do brings the laptop back to the server's content.
        #expect(try box.git(["reset", "-q", "--keep", "remotes/origin/main"], in: laptop).status == 0)
        let again = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(again.status == 0, "\(again.stdout) \(again.stderr)")
        #expect(try teamGitOutput(team, ["rev-parse", "main"], in: laptop) == server)
    }
}
