import Foundation
import Testing

/// A team whose server runs clinicctl's pre-receive check.
func makeGuardedTeam(reviewers: [String] = [Sandbox.reviewer, Sandbox.secondReviewer]) throws -> Team {
    let team = try Team(reviewers: reviewers)
    let install = try team.box.clinicctl(["hooks", "install", "--server", "--repo", team.box.repo.path], in: team.box.root)
    #expect(install.status == 0, "\(install.stderr)")
    return team
}

/// `git` output in `folder`, trimmed.
func teamGitOutput(_ team: Team, _ arguments: [String], in folder: URL) throws -> String {
    let run = try team.box.git(arguments, in: folder)
    #expect(run.status == 0, "git \(arguments.joined(separator: " ")): \(run.stderr)")
    return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Runs `git` in `folder` as Rita, author and committer, so a hand-made commit is hers.
func gitAsRita(_ arguments: [String], in folder: URL) throws -> Run {
    try Sandbox.execute(
        URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: folder,
        environment: [
            "GIT_AUTHOR_NAME": "Rita Reviewer", "GIT_AUTHOR_EMAIL": "rita@clinic.example", "GIT_COMMITTER_NAME": "Rita Reviewer",
            "GIT_COMMITTER_EMAIL": "rita@clinic.example",
        ], stdin: nil)
}

@Suite("Team: the server applies the same rules as review approve")
struct TeamSyncRuleTests {
    /// A one-reviewer clinic: the office manager's change, approved by Rita through the server,
    /// and Rita's laptop, where she opens a revert of it. Returns the laptop and the revert draft.
    private func ritaRevertsHerApproval(_ team: Team) throws -> (laptop: URL, draft: String) {
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", "A thin needle."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let approved = try box.clinicctl(
            ["review", "approve", "faq-what-is-dry-needling", "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(approved.status == 0, "\(approved.stderr)")
        let change = try teamGitOutput(team, ["rev-parse", "main"], in: laptop)
        let revert = try box.clinicctl(["revert", change, "--json"], as: Sandbox.reviewer, in: laptop)
        #expect(revert.status == 0, "\(revert.stderr)")
        let draft = try #require((try decodeJSON(revert) as? [String: Any])?["draft"] as? String)
        return (laptop, draft)
    }

    @Test("the only reviewer's approval of their own pure revert is accepted by the server")
    func ownPureRevertIsAccepted() throws {
        let team = try makeGuardedTeam(reviewers: [Sandbox.reviewer])
        let (laptop, draft) = try ritaRevertsHerApproval(team)
        let approve = try team.box.clinicctl(["review", "approve", draft, "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(approve.status == 0, "\(approve.stdout) \(approve.stderr)")
        let local = try teamGitOutput(team, ["rev-parse", "main"], in: laptop)
        #expect(try team.serverRef("refs/heads/main") == local)
        let trailers = try teamGitOutput(team, ["log", "-1", "--format=%(trailers)", "main"], in: laptop)
        #expect(trailers.contains("Approved-own-revert:"), "\(trailers)")
    }

    @Test("a revert with Rita's further edit in it, approved by her with plain Git, follows the normal rule")
    func revertWithMoreIsRefusedByTheServer() throws {
        let team = try makeGuardedTeam(reviewers: [Sandbox.reviewer])
        let (laptop, draft) = try ritaRevertsHerApproval(team)
        // Her approval of the pure revert, kept here: its message carries Approved-own-revert.
        let approve = try team.box.clinicctl(["review", "approve", draft, "--local", "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(approve.status == 0, "\(approve.stderr)")
        let message = try teamGitOutput(team, ["log", "-1", "--format=%B", "main"], in: laptop)
        #expect(message.contains("Approved-own-revert:"))
        let previous = try teamGitOutput(team, ["rev-parse", "main^1"], in: laptop)
        // One more commit of hers on the revert, merged with the same message.
        #expect(try gitAsRita(["checkout", "-q", "-b", "more", "main^2"], in: laptop).status == 0)
        try Data("# more\n".utf8).write(to: laptop.appendingPathComponent("content/NOTES.md"))
        #expect(try gitAsRita(["add", "content/NOTES.md"], in: laptop).status == 0)
        #expect(try gitAsRita(["commit", "-qm", "More"], in: laptop).status == 0)
        let more = try teamGitOutput(team, ["rev-parse", "more"], in: laptop)
        let forged = try gitAsRita(["commit-tree", "\(more)^{tree}", "-p", previous, "-p", more, "-m", message], in: laptop)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try team.serverRef("refs/heads/main")
        let pushed = try team.box.git(["push", "origin", "\(forged):refs/heads/main"], in: laptop)
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("another reviewer must approve it"), "\(pushed.stderr)")
        #expect(try team.serverRef("refs/heads/main") == before)
    }

    /// A guarded server holding the office manager's draft faq-do-you-take-insurance, and
    /// the reviewer's fresh clone of it.
    func draftOnTheServer() throws -> (Team, URL) {
        let team = try makeGuardedTeam()
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        let added = try team.box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office)
        try #require(added.status == 0, "\(added.stderr)")
        try #require(try team.box.clinicctl(["sync"], in: office).status == 0)
        return (team, try team.clone("laptop", as: Sandbox.reviewer).0)
    }

    @Test("an approval merge made with plain Git whose content does not validate is refused, shown by sync")
    func invalidMergedContentIsRefused() throws {
        let (team, laptop) = try draftOnTheServer()
        let box = team.box
        // Olivia's draft, given a broken phone number by her with plain Git, and Rita's merge of it
        // made with plain Git with the approval record clinicctl writes: the merge is real, the content is not valid.
        let draft = "drafts/faq-do-you-take-insurance"
        #expect(try box.git(["checkout", "-q", draft], in: laptop).status == 0)
        let clinic = laptop.appendingPathComponent("content/clinic.yaml")
        let text = try String(contentsOf: clinic, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "+17739999825", with: "call us").utf8).write(to: clinic)
        let asOlivia = [
            "GIT_AUTHOR_NAME": "Olivia Office", "GIT_AUTHOR_EMAIL": "office@clinic.example", "GIT_COMMITTER_NAME": "Olivia Office",
            "GIT_COMMITTER_EMAIL": "office@clinic.example",
        ]
        let broken = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/env"), ["git", "commit", "-qam", "Phone"], in: laptop, environment: asOlivia, stdin: nil)
        #expect(broken.status == 0, "\(broken.stderr)")
        let tip = try teamGitOutput(team, ["rev-parse", draft], in: laptop)
        #expect(try box.git(["checkout", "-q", "main"], in: laptop).status == 0)
        let message =
            "Approve draft faq-do-you-take-insurance: Phone\n\nEdits in this draft:\n  - Phone (Olivia Office)\n\n"
            + "Approved-by: Rita Reviewer <rita@clinic.example>\nDraft: faq-do-you-take-insurance\nApproved-commit: \(tip)\n"
        #expect(try gitAsRita(["merge", "-q", "--no-ff", draft, "-m", message], in: laptop).status == 0)
        #expect(try teamGitOutput(team, ["log", "-1", "--format=%(trailers)", "main"], in: laptop).contains("Approved-by: Rita"))
        let before = try team.serverRef("refs/heads/main")
        let sent = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(sent.status == 1)
        #expect(sent.stdout.contains("main: refused by the server:"), "\(sent.stdout)")
        #expect(sent.stdout.contains("the approved content would be invalid"), "\(sent.stdout)")
        #expect(try team.serverRef("refs/heads/main") == before)
    }

    @Test("a record under refs/clinicctl/ is never rewritten nor deleted on the server")
    func recordsAreOnlyAdded() throws {
        let (team, laptop) = try draftOnTheServer()
        let box = team.box
        let reject = try box.clinicctl(
            ["review", "reject", "faq-do-you-take-insurance", "--reason", "Say which plans."], as: Sandbox.reviewer, in: laptop)
        #expect(reject.status == 0, "\(reject.stderr)")
        let record = try box.rejectionRecord(of: "faq-do-you-take-insurance", in: laptop)
        let sent = try team.serverRef(record)
        #expect(!sent.isEmpty)
        // A later record on top of it (a fast-forward), one beside it (a forced push), and a deletion.
        let onTop = try gitAsRita(["commit-tree", "\(sent)^{tree}", "-p", sent, "-m", "Rewritten"], in: laptop)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let beside = try teamGitOutput(team, ["rev-parse", "main"], in: laptop)
        for push in [["\(onTop):\(record)"], ["--force", "\(beside):\(record)"], [":\(record)"]] {
            let pushed = try box.git(["push", "origin"] + push, in: laptop)
            #expect(pushed.status != 0, "\(push)")
            #expect(pushed.stderr.contains("clinicctl's records are only ever added"), "\(push): \(pushed.stderr)")
            #expect(try team.serverRef(record) == sent)
        }
    }
}
