import Foundation
import Testing

/// An office editor with push access and plain Git, trying to publish without a reviewer
/// (issue 22). Each attack is made with `git` exactly as described, pushed over `git daemon`
/// to a server whose hooks clinicctl installed, and judged against what was published before.
@Suite("Plain Git cannot publish: the server, review and verify judge the real result")
struct PlainGitAttackTests {
    static let olivia = ("Olivia Office", "office@clinic.example")
    static let rita = ("Rita Reviewer", "rita@clinic.example")

    /// A team whose server runs clinicctl's pre-receive check, and the office manager's clone.
    private func guardedTeam() throws -> (Team, URL) {
        let team = try Team()
        let install = try team.box.clinicctl(["hooks", "install", "--server", "--repo", team.box.repo.path], in: team.box.root)
        #expect(install.status == 0, "\(install.stderr)")
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        return (team, office)
    }

    /// Plain `git` in `folder` as `person` (author and committer), with `extra` in its environment.
    @discardableResult
    private func git(
        _ arguments: [String], in folder: URL, as person: (String, String) = olivia, environment extra: [String: String] = [:],
        stdin: String? = nil
    ) throws -> Run {
        var environment = [
            "GIT_AUTHOR_NAME": person.0, "GIT_AUTHOR_EMAIL": person.1, "GIT_COMMITTER_NAME": person.0, "GIT_COMMITTER_EMAIL": person.1,
        ]
        for (key, value) in extra { environment[key] = value }
        return try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: folder, environment: environment, stdin: stdin)
    }

    private func output(_ arguments: [String], in folder: URL, as person: (String, String) = olivia) throws -> String {
        let run = try git(arguments, in: folder, as: person)
        #expect(run.status == 0, "git \(arguments.joined(separator: " ")): \(run.stderr)")
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An approval record's message as clinicctl writes it, naming `approver` and the draft tip.
    private func approvalMessage(draft: String, approver: (String, String), approvedCommit: String) -> String {
        "Approve draft \(draft): Fix\n\nEdits in this draft:\n  - Fix (\(approver.0))\n\n"
            + "Approved-by: \(approver.0) <\(approver.1)>\nDraft: \(draft)\nApproved-commit: \(approvedCommit)\n"
    }

    @Test func aNewRootWithAThousandSelfApprovalsAroundThePublishedTipIsRefused() throws {
        let (team, office) = try guardedTeam()
        let before = try team.serverRef("refs/heads/main")
        let marker = team.box.root.appendingPathComponent("pwned")
        // A root commit of her own: only herself as reviewer, signatures off, a deploy hook, a defaced answer.
        try git(["checkout", "-q", "--orphan", "forged"], in: office)
        try Data(
            "publishedBranch: main\ncontentDirectory: content\nreviewers:\n  - name: \"Olivia Office\"\n    email: office@clinic.example\n"
                .utf8
        )
        .write(to: office.appendingPathComponent("clinicctl.yaml"))
        let hook = office.appendingPathComponent("hooks/publish.d/05-pwn")
        try FileManager.default.createDirectory(at: hook.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("#!/bin/sh\ntouch '\(marker.path)'\n".utf8).write(to: hook)
        let answer = office.appendingPathComponent("content/faq/do-you-use-sterile-needles.md")
        try Data(try String(contentsOf: answer, encoding: .utf8).replacingOccurrences(of: "sterile", with: "reused").utf8).write(to: answer)
        try git(["add", "-A", "--chmod=+x", "hooks/publish.d/05-pwn"], in: office)
        try git(["add", "-A"], in: office)
        try git(["commit", "-qm", "Start the clinic's content repository\n\nClinic-Change: init"], in: office)
        let root = try output(["rev-parse", "HEAD"], in: office)
        // 1,000 self-approved merges on it in one fast-import; the last one's second parent is the real tip.
        var stream = ""
        for index in 1...1000 {
            let second = index == 1000 ? before : root
            let message = approvalMessage(draft: "fix-\(index)", approver: Self.olivia, approvedCommit: second)
            stream += "commit refs/heads/forged\ncommitter Olivia Office <office@clinic.example> \(1_800_000_000 + index) +0000\n"
            stream += "data \(message.utf8.count)\n\(message)\n"
            if index == 1 { stream += "from \(root)\n" }
            stream += "merge \(second)\n\n"
        }
        let imported = try git(["fast-import", "--quiet", "--force"], in: office, stdin: stream)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try output(["rev-list", "--count", "--first-parent", "refs/heads/forged"], in: office) == "1001")

        let pushed = try git(["push", "origin", "refs/heads/forged:refs/heads/main"], in: office)
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("does not continue the published one"), "\(pushed.stderr)")
        #expect(try team.serverRef("refs/heads/main") == before)
        #expect(!FileManager.default.fileExists(atPath: marker.path))

        // The reviewer's copy stays on the real history: verify passes there, and the forged history fails it.
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        #expect(try team.box.clinicctl(["verify"], as: Sandbox.reviewer, in: laptop).status == 0)
        try git(["fetch", "-q", office.path, "refs/heads/forged:refs/heads/forged"], in: laptop)
        let verified = try team.box.clinicctl(["verify", "refs/heads/forged"], as: Sandbox.reviewer, in: laptop)
        #expect(verified.status == 1)
        #expect(verified.stdout.contains("untrusted-start"), "\(verified.stdout)")
        #expect(verified.stdout.contains(String(root.prefix(7))))
    }

    @Test func aPushOfThePublishedBranchCheckedTooLongIsRefusedNotPassed() throws {
        let (team, office) = try guardedTeam()
        #expect(try team.box.clinicctl(["faq", "add", "--question", "Do you bill Medicare?", "--answer", "Yes."], in: office).status == 0)
        #expect(try team.box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let approve = try team.box.clinicctl(
            ["review", "approve", "faq-do-you-bill-medicare", "--local", "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(approve.status == 0, "\(approve.stderr)")
        let before = try team.serverRef("refs/heads/main")
        #expect(try team.box.git(["config", "clinicctl.pushCheckSeconds", "0"]).status == 0)
        let refused = try team.box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("took longer than 0 s"), "\(refused.stdout)")
        #expect(refused.stdout.contains("clinicctl.pushCheckSeconds"))
        #expect(try team.serverRef("refs/heads/main") == before)
        #expect(try team.box.git(["config", "--unset", "clinicctl.pushCheckSeconds"]).status == 0)
        let sent = try team.box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(sent.status == 0, "\(sent.stdout)")
        #expect(try team.serverRef("refs/heads/main") != before)
    }

    @Test func aCrissCrossDraftWithAFutureDateShowsAndNeedsItsSettingsChange() throws {
        let (team, office) = try guardedTeam()
        let box = team.box
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        // Rita removes Sam as a reviewer, accepted and published.
        #expect(try box.clinicctl(["reviewers", "remove", Sandbox.secondReviewer], as: Sandbox.reviewer, in: laptop).status == 0)
        #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let samApproves = try box.clinicctl(
            ["review", "approve", "reviewers", "--accept", "settings", "--local", "--no-publish"], as: Sandbox.secondReviewer,
            in: office)
        #expect(samApproves.status == 0, "\(samApproves.stderr)")
        #expect(try box.clinicctl(["sync"], as: Sandbox.secondReviewer, in: office).status == 0)
        let revoked = try team.serverRef("refs/heads/main")
        // Before that, Olivia had started an FAQ fix from the older tip, with a commit date in the future.
        try git(["fetch", "-q", "origin"], in: office)
        try git(["checkout", "-q", "-b", "drafts/typo", "\(revoked)^1"], in: office)
        let typo = office.appendingPathComponent("content/faq/is-the-procedure-painful.md")
        try Data(try String(contentsOf: typo, encoding: .utf8).replacingOccurrences(of: "?", with: "?\n").utf8).write(to: typo)
        try git(["commit", "-qam", "Fix a typo"], in: office, environment: ["GIT_COMMITTER_DATE": "2031-01-01T00:00:00Z"])
        try git(["push", "-q", "origin", "drafts/typo"], in: office)
        #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)
        #expect(try box.clinicctl(["review", "approve", "typo", "--no-publish"], as: Sandbox.reviewer, in: laptop).status == 0)
        #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)
        let published = try team.serverRef("refs/heads/main")
        // The criss-cross: a merge of her fix and the revocation, with Sam put back by hand and a sterile-needles edit.
        try git(["checkout", "-q", "-b", "drafts/sterile", "drafts/typo"], in: office)
        try git(["merge", "-q", "--no-edit", revoked], in: office)
        let settings = office.appendingPathComponent("clinicctl.yaml")
        try Data(
            (try String(contentsOf: settings, encoding: .utf8) + "  - name: \"Sam Second\"\n    email: sam@clinic.example\n").utf8
        ).write(to: settings)
        let answer = office.appendingPathComponent("content/faq/do-you-use-sterile-needles.md")
        try Data((try String(contentsOf: answer, encoding: .utf8) + "\nAlways.\n").utf8).write(to: answer)
        try git(["commit", "-qa", "--amend", "--no-edit"], in: office)
        try git(["push", "-q", "origin", "drafts/sterile"], in: office)
        #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)

        let shown = try box.clinicctl(["review", "show", "sterile"], as: Sandbox.reviewer, in: laptop)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("clinicctl.yaml"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Sam Second"), "\(shown.stdout)")
        let unaccepted = try box.clinicctl(["review", "approve", "sterile", "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(unaccepted.status != 0)
        #expect(unaccepted.stderr.contains("settings"), "\(unaccepted.stderr)")
        #expect(try box.git(["rev-parse", "main"], in: laptop).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == published)

        // The same approval made with --accept and pushed without it is refused by the server.
        let accepted = try box.clinicctl(
            ["review", "approve", "sterile", "--accept", "settings", "--local", "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let message = try output(["log", "-1", "--format=%B", "main"], in: laptop, as: Self.rita)
        let stripped = message.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("Clinic-Accepted:") }
            .joined(separator: "\n")
        let forged = try output(
            [
                "commit-tree", try output(["rev-parse", "main^{tree}"], in: laptop), "-p", try output(["rev-parse", "main^1"], in: laptop),
                "-p", try output(["rev-parse", "main^2"], in: laptop), "-m", stripped,
            ], in: laptop, as: Self.rita)
        let pushed = try git(["push", "origin", "\(forged):refs/heads/main"], in: laptop, as: Self.rita)
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("which the approval did not accept"), "\(pushed.stderr)")
        #expect(try team.serverRef("refs/heads/main") == published)
    }

    @Test func anApprovalChangedByHandAfterMergingOrNamingAnotherTipIsRefused() throws {
        let (team, office) = try guardedTeam()
        let box = team.box
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you bill Medicare?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        #expect(
            try box.clinicctl(
                ["review", "approve", "faq-do-you-bill-medicare", "--local", "--no-publish"], as: Sandbox.reviewer, in: laptop
            )
            .status == 0)
        let before = try team.serverRef("refs/heads/main")
        let message = try output(["log", "-1", "--format=%B", "main"], in: laptop, as: Self.rita)
        let (first, second) = (try output(["rev-parse", "main^1"], in: laptop), try output(["rev-parse", "main^2"], in: laptop))
        // Rita's merge with one more answer changed in the tree: an "evil merge".
        try git(["checkout", "-q", "-b", "evil", "main"], in: laptop, as: Self.rita)
        let answer = laptop.appendingPathComponent("content/faq/is-the-procedure-painful.md")
        try Data((try String(contentsOf: answer, encoding: .utf8) + "\nNot at all.\n").utf8).write(to: answer)
        try git(["add", "-A"], in: laptop, as: Self.rita)
        let tree = try output(["write-tree"], in: laptop, as: Self.rita)
        let evil = try output(["commit-tree", tree, "-p", first, "-p", second, "-m", message], in: laptop, as: Self.rita)
        let refused = try git(["push", "origin", "\(evil):refs/heads/main"], in: laptop, as: Self.rita)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("changed by hand after merging"), "\(refused.stderr)")
        #expect(refused.stderr.contains("content/faq/is-the-procedure-painful.md"))
        // The real merge's tree, but a record naming another draft tip.
        let named = message.replacingOccurrences(of: "Approved-commit: \(second)", with: "Approved-commit: \(first)")
        let misnamed = try output(
            ["commit-tree", try output(["rev-parse", "main^{tree}"], in: laptop), "-p", first, "-p", second, "-m", named], in: laptop,
            as: Self.rita)
        let refusedToo = try git(["push", "origin", "\(misnamed):refs/heads/main"], in: laptop, as: Self.rita)
        #expect(refusedToo.status != 0)
        #expect(refusedToo.stderr.contains("records the approved draft tip as"), "\(refusedToo.stderr)")
        #expect(try team.serverRef("refs/heads/main") == before)
        try git(["checkout", "-q", "main"], in: laptop, as: Self.rita)
        let sent = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(sent.status == 0, "\(sent.stdout)")
    }

    @Test func aLookAlikeTagAndAStrayBranchAreRefusedByTheServer() throws {
        let (team, office) = try guardedTeam()
        try git(["tag", "main", "HEAD"], in: office)
        let tag = try git(["push", "origin", "refs/tags/main"], in: office)
        #expect(tag.status != 0)
        #expect(tag.stderr.contains("refs/tags/main is not one of them"), "\(tag.stderr)")
        let stray = try git(["push", "origin", "HEAD:refs/heads/live"], in: office)
        #expect(stray.status != 0)
        #expect(stray.stderr.contains("refs/heads/live is not one of them"), "\(stray.stderr)")
        #expect(try team.serverRef("refs/tags/main").isEmpty)
        // An administrator may allow tags.
        #expect(try team.box.git(["config", "--add", "clinicctl.allowedRefs", "refs/tags/*"]).status == 0)
        #expect(try git(["push", "origin", "refs/tags/main"], in: office).status == 0)
    }

    @Test func aFileUnderContentThatHoldsNoRecordsIsNamedAndNeedsAcceptance() throws {
        let (team, office) = try guardedTeam()
        let box = team.box
        try git(["checkout", "-q", "-b", "drafts/notes", "main"], in: office)
        try FileManager.default.createDirectory(at: office.appendingPathComponent("content/FAQ"), withIntermediateDirectories: true)
        try Data("<script>alert(1)</script>\n".utf8).write(to: office.appendingPathComponent("content/faq/notes.txt"))
        try Data("---\nquestion: x\n---\ny\n".utf8).write(to: office.appendingPathComponent("content/FAQ/x.md"))
        try git(["add", "-A"], in: office)
        try git(["commit", "-qm", "Notes"], in: office)
        try git(["push", "-q", "origin", "drafts/notes"], in: office)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let shown = try box.clinicctl(["review", "show", "notes"], as: Sandbox.reviewer, in: laptop)
        #expect(shown.stdout.contains("content/faq/notes.txt"), "\(shown.stdout)")
        #expect(shown.stdout.contains("content/FAQ/x.md"), "\(shown.stdout)")
        let refused = try box.clinicctl(["review", "approve", "notes", "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("files (content/FAQ/x.md, content/faq/notes.txt)"), "\(refused.stderr)")
        let drafts = try box.clinicctl(["drafts"], as: Sandbox.reviewer, in: laptop)
        #expect(drafts.stdout.contains("!FILES"), "\(drafts.stdout)")
    }

    @Test func onAHostWithoutHooksAPlainCommitOnMainIsReportedAndNotFollowed() throws {
        // No `hooks install --server`: a GitHub-like host that takes any push.
        let team = try Team()
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let before = try output(["rev-parse", "main"], in: laptop, as: Self.rita)
        let clinic = office.appendingPathComponent("content/clinic.yaml")
        try Data(try String(contentsOf: clinic, encoding: .utf8).replacingOccurrences(of: "773", with: "312").utf8).write(to: clinic)
        try git(["commit", "-qam", "Quick fix: phone"], in: office)
        #expect(try git(["push", "-q", "origin", "main"], in: office).status == 0)
        let quick = try output(["rev-parse", "--short=7", "HEAD"], in: office)

        let synced = try team.box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(synced.stdout.contains("main moved on the server by \(quick)"), "\(synced.stdout)")
        #expect(synced.stdout.contains("which no reviewer approved"))
        #expect(!synced.stdout.contains("your copy was updated"))
        #expect(try output(["rev-parse", "main"], in: laptop, as: Self.rita) == before)
        let verified = try team.box.clinicctl(["verify", "refs/remotes/origin/main"], as: Sandbox.reviewer, in: laptop)
        #expect(verified.status == 1)
        #expect(verified.stdout.contains("\(quick) FAIL not-an-approval"), "\(verified.stdout)")

        // A merge made with plain Git that looks like an approval but carries no record is not one either.
        try git(["checkout", "-q", "-b", "drafts/f", "\(before)"], in: laptop, as: Self.rita)
        let answer = laptop.appendingPathComponent("content/faq/is-the-procedure-painful.md")
        try Data((try String(contentsOf: answer, encoding: .utf8) + "\nA little.\n").utf8).write(to: answer)
        try git(["commit", "-qam", "Edit"], in: laptop, as: Self.olivia)
        try git(["checkout", "-q", "main"], in: laptop, as: Self.rita)
        try git(
            ["merge", "-q", "--no-ff", "drafts/f", "-m", "Approve draft f\n\nApproved-by: Rita Reviewer <rita@clinic.example>"], in: laptop,
            as: Self.rita)
        let merge = try output(["rev-parse", "--short=7", "HEAD"], in: laptop, as: Self.rita)
        let local = try team.box.clinicctl(["verify"], as: Sandbox.reviewer, in: laptop)
        #expect(local.status == 1)
        #expect(local.stdout.contains("\(merge) FAIL not-an-approval"), "\(local.stdout)")
    }

    @Test func aRewoundServerIsReportedAndNotPushedOverOnAHostWithoutHooks() throws {
        let team = try Team()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you bill Medicare?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let approved = try box.clinicctl(
            ["review", "approve", "faq-do-you-bill-medicare", "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(approved.status == 0, "\(approved.stderr)")
        let published = try team.serverRef("refs/heads/main")
        // Someone with plain Git takes the approval back on the server.
        #expect(try git(["fetch", "-q", "origin"], in: office).status == 0)
        #expect(try git(["push", "-q", "--force", "origin", "\(published)^1:refs/heads/main"], in: office).status == 0)
        let rewound = try team.serverRef("refs/heads/main")
        #expect(rewound != published)

        let synced = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(synced.status == 1)
        #expect(synced.stdout.contains("main: NOT FOLLOWED: the server's main was rewritten since the last sync"), "\(synced.stdout)")
        #expect(!synced.stdout.contains("main: pushed"))
        #expect(try team.serverRef("refs/heads/main") == rewound)
        #expect(try output(["rev-parse", "main"], in: laptop, as: Self.rita) == published)
    }

    @Test func anApprovalIsNotMadeOnTopOfARewoundServer() throws {
        let team = try Team()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you bill Medicare?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["faq", "add", "--question", "Is parking free?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let first = try box.clinicctl(["review", "approve", "faq-do-you-bill-medicare", "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(first.status == 0, "\(first.stderr)")
        let published = try team.serverRef("refs/heads/main")
        #expect(try git(["fetch", "-q", "origin"], in: office).status == 0)
        #expect(try git(["push", "-q", "--force", "origin", "\(published)^1:refs/heads/main"], in: office).status == 0)
        let rewound = try team.serverRef("refs/heads/main")

        let second = try box.clinicctl(["review", "approve", "faq-is-parking-free", "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(second.status != 0)
        #expect(second.stderr.contains("is not approved: the server's main was rewritten since the last sync"), "\(second.stderr)")
        #expect(try team.serverRef("refs/heads/main") == rewound)
        #expect(try output(["rev-parse", "main"], in: laptop, as: Self.rita) == published)
    }
}
