import Foundation
import Testing

/// Rejection and discard records anyone with push access could write (issue 22, item 5): a
/// record counts only when it is made by someone who may close that draft, and one that does
/// not count closes nothing, here, on the server or in any copy, and says so wherever it shows.
@Suite("hardening: closing records count only when verified")
struct HardeningClosingTests {
    static let draft = "faq-do-you-take-insurance"
    static let question = ["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."]
    static let mallory = (name: "Mallory Editor", email: "mallory@clinic.example")

    /// A record of `draft` over `tip`, made with plain Git in `folder` by `maker` (author and
    /// committer), in clinicctl's own words: a rejection naming `named`, or a discard.
    static func forge(
        _ kind: String, tip: String, named: String = Sandbox.reviewer, by maker: (name: String, email: String) = mallory,
        in folder: URL, date: String? = nil, key: String? = nil
    ) throws -> String {
        let message =
            kind == "rejection"
            ? "Reject draft \(draft)\n\n  Not like this.\n\nRejected-by: \(named)\nDraft: \(draft)\n"
            : "Discard draft \(draft)\n\nDiscarded-by: \(named)\nDraft: \(draft)\n"
        var environment = [
            "GIT_AUTHOR_NAME": maker.name, "GIT_AUTHOR_EMAIL": maker.email, "GIT_COMMITTER_NAME": maker.name,
            "GIT_COMMITTER_EMAIL": maker.email,
        ]
        if let date { (environment["GIT_AUTHOR_DATE"], environment["GIT_COMMITTER_DATE"]) = (date, date) }
        var arguments = ["git"]
        if let key { arguments += ["-c", "gpg.format=ssh", "-c", "user.signingKey=\(key)"] }
        arguments += ["commit-tree", "\(tip)^{tree}", "-p", tip, "-m", message] + (key == nil ? [] : ["-S"])
        let run = try Sandbox.execute(URL(fileURLWithPath: "/usr/bin/env"), arguments, in: folder, environment: environment, stdin: nil)
        #expect(run.status == 0, "commit-tree: \(run.stderr)")
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("a rejection written by an editor in a reviewer's name closes nothing; drafts, review show and status say it is unverified")
    func forgedRejectionOfAnOpenDraft() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(Self.question).status == 0)
        let tip = try box.gitOutput(["rev-parse", "drafts/\(Self.draft)"])
        let forged = try Self.forge("rejection", tip: tip, in: box.repo)
        #expect(try box.git(["update-ref", "refs/clinicctl/rejected/\(Self.draft)", forged]).status == 0)

        let drafts = try box.clinicctl(["drafts"])
        #expect(drafts.stdout.contains("\(Self.draft)  open"), "the draft is still open: \(drafts.stdout)")
        #expect(drafts.stderr.contains("refs/clinicctl/rejected/\(Self.draft) is an unverified rejection"), "\(drafts.stderr)")
        #expect(drafts.stderr.contains("it names \(Sandbox.reviewer) but was made by Mallory Editor"), "\(drafts.stderr)")
        let all = try box.clinicctl(["drafts", "--all"])
        #expect(!all.stdout.contains("was rejected"), "an unverified record is no rejection: \(all.stdout)")

        let show = try box.clinicctl(["review", "show", Self.draft], as: Sandbox.reviewer)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Do you take insurance?") && !show.stdout.contains("was rejected"), "\(show.stdout)")
        #expect(show.stderr.contains("unverified rejection"), "\(show.stderr)")

        let status = try box.clinicctl(["status"])
        #expect(status.stdout.contains("Open drafts: \(Self.draft)"), "\(status.stdout)")
        #expect(status.stdout.contains("Unverified records (they close nothing):"), "\(status.stdout)")
        let json = try #require(try decodeJSON(try box.clinicctl(["status", "--json"])) as? [String: Any])
        let records = try #require(json["unverifiedRecords"] as? [[String: Any]])
        #expect(records.map { $0["reference"] as? String } == ["refs/clinicctl/rejected/\(Self.draft)"])

        // Still a draft like any other: a reviewer approves it.
        let approved = try box.clinicctl(["review", "approve", Self.draft, "--no-publish"], as: Sandbox.reviewer)
        #expect(approved.status == 0, "\(approved.stderr)")
    }

    @Test("a rejection written by a non-reviewer under their own name closes nothing either")
    func rejectionByANonReviewer() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(Self.question).status == 0)
        let tip = try box.gitOutput(["rev-parse", "drafts/\(Self.draft)"])
        let forged = try Self.forge("rejection", tip: tip, named: "Mallory Editor <mallory@clinic.example>", in: box.repo)
        #expect(try box.git(["update-ref", "refs/clinicctl/rejected/\(Self.draft)", forged]).status == 0)
        // Even with the draft's branch gone, the record is shown for what it is.
        #expect(try box.git(["update-ref", "-d", "refs/heads/drafts/\(Self.draft)"]).status == 0)
        let show = try box.clinicctl(["review", "show", Self.draft])
        #expect(show.stdout.contains("(unverified: Mallory Editor <mallory@clinic.example> was not a reviewer"), "\(show.stdout)")
        let all = try box.clinicctl(["drafts", "--all"])
        #expect(all.stdout.contains("rejected by Mallory Editor <mallory@clinic.example> (unverified):"), "\(all.stdout)")
        #expect(all.stdout.replacingOccurrences(of: "\n  ", with: " ").contains("this record closes nothing"), "\(all.stdout)")
    }

    @Test("a forged rejection pushed with plain Git to a server without clinicctl's hooks closes the draft in no copy")
    func forgedRejectionThroughAHostWithoutHooks() throws {
        let team = try Team()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(Self.question, in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (desk, _) = try team.clone("front-desk", as: "Mallory Editor <mallory@clinic.example>")
        let tip = try teamGitOutput(team, ["rev-parse", "origin/drafts/\(Self.draft)"], in: desk)
        let forged = try Self.forge("rejection", tip: tip, in: desk)
        #expect(try box.git(["push", "origin", "\(forged):refs/clinicctl/rejected/\(Self.draft)"], in: desk).status == 0)

        let synced = try box.clinicctl(["sync"], in: office)
        #expect(synced.status == 0, "\(synced.stdout) \(synced.stderr)")
        #expect(!synced.stdout.contains("closed on the server"), "\(synced.stdout)")
        #expect(try box.git(["rev-parse", "--verify", "-q", "drafts/\(Self.draft)"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)
        let drafts = try box.clinicctl(["drafts"], as: Sandbox.reviewer, in: laptop)
        #expect(drafts.stdout.contains("\(Self.draft)  open"), "\(drafts.stdout)")
        #expect(drafts.stderr.contains("unverified rejection"), "\(drafts.stderr)")
        // Nor is it sent back by a copy that has it: it would close nothing, and the server may refuse it.
        #expect(try box.clinicctl(["sync"], in: office).stdout.contains("not sent") == false)
    }

    @Test("the server refuses a rejection or a discard made by someone who may not close the draft, and takes the real ones")
    func serverRefusesForgedRecords() throws {
        let team = try makeGuardedTeam()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(Self.question, in: office).status == 0)
        #expect(try box.clinicctl(["faq", "add", "--question", "Is parking free?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (desk, _) = try team.clone("front-desk", as: "Mallory Editor <mallory@clinic.example>")
        let tip = try teamGitOutput(team, ["rev-parse", "origin/drafts/\(Self.draft)"], in: desk)
        let forgeries = [
            ("refs/clinicctl/rejected/\(Self.draft)", try Self.forge("rejection", tip: tip, in: desk), "but was made by Mallory"),
            (
                "refs/clinicctl/rejected/\(Self.draft)",
                try Self.forge("rejection", tip: tip, named: "Mallory Editor <mallory@clinic.example>", in: desk), "was not a reviewer"
            ),
            (
                "refs/clinicctl/discarded/\(Self.draft)-\(tip.prefix(7))",
                try Self.forge("discard", tip: tip, named: "Mallory Editor <mallory@clinic.example>", in: desk),
                "neither wrote draft \(Self.draft) nor was a reviewer"
            ),
        ]
        for (reference, forged, reason) in forgeries {
            let pushed = try box.git(["push", "origin", "\(forged):\(reference)"], in: desk)
            #expect(pushed.status != 0, "\(reference) was taken")
            #expect(
                pushed.stderr.contains("does not count, so it cannot close the draft") && pushed.stderr.contains(reason), "\(pushed.stderr)"
            )
            #expect(try team.serverRef(reference).isEmpty)
        }
        // The draft's own author discards hers; a reviewer rejects the other: both reach the server.
        let discarded = try box.clinicctl(["draft", "discard", Self.draft], in: office)
        #expect(discarded.status == 0 && discarded.stderr.isEmpty, "\(discarded.stderr)")
        let laptop = try team.clone("laptop", as: Sandbox.reviewer).0
        let rejected = try box.clinicctl(
            ["review", "reject", "faq-is-parking-free", "--reason", "It is not."], as: Sandbox.reviewer, in: laptop)
        #expect(rejected.status == 0 && rejected.stderr.isEmpty, "\(rejected.stderr)")
        #expect(try box.records("rejected", of: "faq-is-parking-free", gitDir: box.repo.path).count == 1)
        // The author's discard closes her draft in the reviewer's copy too.
        let synced = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(synced.status == 0, "\(synced.stdout) \(synced.stderr)")
        #expect(!(try box.clinicctl(["drafts"], as: Sandbox.reviewer, in: laptop).stdout.contains(Self.draft)), "\(synced.stdout)")
    }

    @Test("a record dated back to when its writer was still a reviewer counts from the draft's start, and so not at all")
    func backdatedRecord() throws {
        let box = try Sandbox()
        // Sam is removed from the reviewers; a draft is opened after that.
        #expect(try box.clinicctl(["reviewers", "remove", Sandbox.secondReviewer]).status == 0)
        let removed = try box.clinicctl(["review", "approve", "reviewers", "--accept", "settings", "--no-publish"], as: Sandbox.reviewer)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try box.clinicctl(Self.question).status == 0)
        let tip = try box.gitOutput(["rev-parse", "drafts/\(Self.draft)"])
        // Sam's rejection, dated when he was listed (the published tip before his removal).
        let then = try box.gitOutput(["log", "-1", "--format=%ct", "main^1"])
        let forged = try Self.forge(
            "rejection", tip: tip, named: Sandbox.secondReviewer, by: ("Sam Second", "sam@clinic.example"), in: box.repo,
            date: "@\(then) +0000")
        #expect(try box.git(["update-ref", "refs/clinicctl/rejected/\(Self.draft)", forged]).status == 0)
        let drafts = try box.clinicctl(["drafts"])
        #expect(drafts.stdout.contains("\(Self.draft)  open"), "\(drafts.stdout)")
        #expect(drafts.stderr.contains("\(Sandbox.secondReviewer) was not a reviewer"), "\(drafts.stderr)")
    }

    @Test("where approvals are signed, a rejection must be signed by a key listed for its reviewer")
    func signedRejections() throws {
        let signed = try SignedSandbox()
        let box = signed.box
        #expect(try box.clinicctl(Self.question).status == 0)
        let tip = try box.gitOutput(["rev-parse", "drafts/\(Self.draft)"])
        let rita = ("Rita Reviewer", "rita@clinic.example")
        let reference = "refs/clinicctl/rejected/\(Self.draft)"
        for (key, words) in [(nil, "it is not signed"), (signed.stranger, "which is not a key listed for Rita Reviewer")]
            as [(String?, String)]
        {
            let forged = try Self.forge("rejection", tip: tip, by: rita, in: box.repo, key: key)
            #expect(try box.git(["update-ref", reference, forged]).status == 0)
            let drafts = try box.clinicctl(["drafts"])
            #expect(drafts.stdout.contains("\(Self.draft)  open"), "\(drafts.stdout)")
            #expect(drafts.stderr.contains(words), "\(drafts.stderr)")
        }
        #expect(try box.git(["update-ref", "-d", reference]).status == 0)
        // clinicctl itself refuses to write one that would not count, and writes the signed one.
        let unsigned = try box.clinicctl(["review", "reject", Self.draft, "--reason", "No."], as: Sandbox.reviewer)
        #expect(unsigned.status != 0 && unsigned.stderr.contains("count only when signed"), "\(unsigned.stderr)")
        #expect(try box.git(["rev-parse", "--verify", "-q", reference]).status != 0)
        let real = try box.clinicctl(
            ["review", "reject", Self.draft, "--reason", "No.", "--signing-key", signed.rita], as: Sandbox.reviewer)
        #expect(real.status == 0, "\(real.stderr)")
        let all = try box.clinicctl(["drafts", "--all"])
        #expect(all.stdout.contains("rejected by \(Sandbox.reviewer):"), "\(all.stdout)")
        #expect(all.stderr.isEmpty, "\(all.stderr)")
    }
}
