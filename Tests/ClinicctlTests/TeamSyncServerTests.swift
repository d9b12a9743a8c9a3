import Foundation
import Testing

@Suite("Team: the server refuses what no reviewer approved")
struct TeamSyncServerTests {
    /// A team whose server runs clinicctl's pre-receive check, and the office manager's clone.
    private func guardedTeam() throws -> (Team, URL) {
        let team = try Team()
        let install = try team.box.clinicctl(["hooks", "install", "--server", "--repo", team.box.repo.path], in: team.box.root)
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stdout.contains("pre-receive"))
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        return (team, office)
    }

    /// Installed, the shipped script gets the clinicctl it runs written in after its first line (issue 25, item 6).
    @Test func shipsTheSamePreReceiveItInstalls() throws {
        let (team, _) = try guardedTeam()
        let installed = try String(contentsOf: team.box.repo.appendingPathComponent("hooks/pre-receive"), encoding: .utf8)
        let shipped = try String(contentsOf: packageRoot.appendingPathComponent("hooks/pre-receive"), encoding: .utf8)
        let program = clinicctlBinary.resolvingSymlinksInPath().path
        let prelude = """
            # Written by `clinicctl hooks install`: the clinicctl this hook runs, whatever the server's PATH.
            CLINICCTL='\(program)'; export CLINICCTL
            PATH='\(URL(fileURLWithPath: program).deletingLastPathComponent().path)':"$PATH"; export PATH

            """
        let firstLine = try #require(shipped.firstIndex(of: "\n"))
        #expect(installed == shipped[...firstLine] + prelude + shipped[shipped.index(after: firstLine)...])
        #expect(shipped.contains("exec \"${CLINICCTL:-clinicctl}\" hooks pre-receive\n"))
    }

    @Test func aDirectPushOfAnUnapprovedCommitIsRefusedAndShownBySync() throws {
        let (team, office) = try guardedTeam()
        let before = try team.serverRef("refs/heads/main")
        try Data("# sneaked in\n".utf8).write(to: office.appendingPathComponent("NOTES.md"))
        #expect(try team.box.git(["add", "NOTES.md"], in: office).status == 0)
        #expect(try team.box.git(["-c", "user.name=O", "-c", "user.email=o@x.example", "commit", "-qm", "Sneak"], in: office).status == 0)
        let run = try team.box.clinicctl(["sync"], in: office)
        #expect(run.status == 1)
        #expect(run.stdout.contains("main: refused by the server:"))
        #expect(run.stdout.contains("is not an approval"))
        #expect(try team.serverRef("refs/heads/main") == before)
    }

    @Test func forgedSelfMadeAndRewindingApprovalsAreRefused() throws {
        let (team, office) = try guardedTeam()
        let box = team.box
        // Sam, a reviewer, writes a draft; Rita approves it on her laptop (not yet sent).
        #expect(
            try box.clinicctl(
                ["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], as: Sandbox.secondReviewer, in: office
            )
            .status == 0)
        #expect(try box.clinicctl(["sync"], as: Sandbox.secondReviewer, in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        #expect(
            try box.clinicctl(["review", "approve", "faq-do-you-take-insurance", "--local"], as: Sandbox.reviewer, in: laptop).status == 0)
        func output(_ arguments: [String]) throws -> String {
            try box.git(arguments, in: laptop).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let message = try output(["log", "-1", "--format=%B", "main"])
        let (tree, first, second) = (
            try output(["rev-parse", "main^{tree}"]), try output(["rev-parse", "main^1"]), try output(["rev-parse", "main^2"])
        )
        let before = try team.serverRef("refs/heads/main")
        /// A merge like Rita's, made with plain Git by `committer` with `message`, pushed with plain git.
        func pushForged(committer: (String, String), message: String) throws -> Run {
            let forged = try Sandbox.execute(
                URL(fileURLWithPath: "/usr/bin/env"), ["git", "commit-tree", tree, "-p", first, "-p", second, "-m", message], in: laptop,
                environment: [
                    "GIT_AUTHOR_NAME": committer.0, "GIT_AUTHOR_EMAIL": committer.1, "GIT_COMMITTER_NAME": committer.0,
                    "GIT_COMMITTER_EMAIL": committer.1,
                ], stdin: nil
            ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            return try box.git(["push", "origin", "\(forged):refs/heads/main"], in: laptop)
        }
        let byOlivia = try pushForged(committer: ("Olivia Office", "office@clinic.example"), message: message)
        #expect(byOlivia.status != 0)
        #expect(byOlivia.stderr.contains("was made by Olivia Office"))
        let asOlivia = try pushForged(
            committer: ("Olivia Office", "office@clinic.example"),
            message: message.replacingOccurrences(of: "Rita Reviewer <rita@clinic.example>", with: "Olivia Office <office@clinic.example>"))
        #expect(asOlivia.stderr.contains("is not a reviewer"))
        let bySam = try pushForged(
            committer: ("Sam Second", "sam@clinic.example"),
            message: message.replacingOccurrences(of: "Rita Reviewer <rita@clinic.example>", with: "Sam Second <sam@clinic.example>"))
        #expect(bySam.stderr.contains("wrote part of draft faq-do-you-take-insurance"))
        #expect(try team.serverRef("refs/heads/main") == before)

        // Rita's own approval passes; rewinding it afterwards does not.
        let sent = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(sent.status == 0, "\(sent.stdout) \(sent.stderr)")
        #expect(sent.stdout.contains("main: pushed"))
        let rewind = try box.git(["push", "--force", "origin", "main~1:refs/heads/main"], in: laptop)
        #expect(rewind.status != 0)
        #expect(rewind.stderr.contains("cannot be rewound"))
        #expect(try team.serverRef("refs/heads/main") == output(["rev-parse", "main"]))
    }

    @Test func anApprovalThatDidNotAcceptAHookIsRefused() throws {
        let (team, office) = try guardedTeam()
        let box = team.box
        // The office manager adds a deploy hook with plain Git on a draft branch and sends it.
        #expect(try box.git(["checkout", "-q", "-b", "drafts/new-hook", "main"], in: office).status == 0)
        let hook = office.appendingPathComponent("hooks/publish.d/05-sneaky")
        try FileManager.default.createDirectory(at: hook.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("#!/bin/sh\ntouch /tmp/clinicctl-sneaky-ran\n".utf8).write(to: hook)
        #expect(try box.git(["add", "--chmod=+x", "hooks/publish.d/05-sneaky"], in: office).status == 0)
        #expect(
            try box.git(
                ["-c", "user.name=Olivia Office", "-c", "user.email=office@clinic.example", "commit", "-qm", "Add a hook"], in: office
            )
            .status == 0)
        #expect(try box.git(["push", "-q", "origin", "drafts/new-hook"], in: office).status == 0)
        // Rita approves it on her laptop, accepting the hook; the same merge without that word is forged.
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let approve = try box.clinicctl(
            ["review", "approve", "new-hook", "--accept", "hooks", "--local", "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(approve.status == 0, "\(approve.stderr)")
        func output(_ arguments: [String]) throws -> String {
            try box.git(arguments, in: laptop).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let message = try output(["log", "-1", "--format=%B", "main"])
        #expect(message.contains("Clinic-Accepted: hooks"))
        let unaccepted = message.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("Clinic-Accepted:") }.joined(separator: "\n")
        let forged = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "git", "commit-tree", try output(["rev-parse", "main^{tree}"]), "-p", try output(["rev-parse", "main^1"]), "-p",
                try output(["rev-parse", "main^2"]), "-m", unaccepted,
            ],
            in: laptop,
            environment: [
                "GIT_AUTHOR_NAME": "Rita Reviewer", "GIT_AUTHOR_EMAIL": "rita@clinic.example", "GIT_COMMITTER_NAME": "Rita Reviewer",
                "GIT_COMMITTER_EMAIL": "rita@clinic.example",
            ], stdin: nil
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try team.serverRef("refs/heads/main")
        let pushed = try box.git(["push", "origin", "\(forged):refs/heads/main"], in: laptop)
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("which the approval did not accept"))
        #expect(try team.serverRef("refs/heads/main") == before)
        // The approval that said yes to the hook goes through.
        let sent = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(sent.status == 0, "\(sent.stdout) \(sent.stderr)")
        #expect(try team.serverRef("refs/heads/main") == output(["rev-parse", "main"]))
    }
}
