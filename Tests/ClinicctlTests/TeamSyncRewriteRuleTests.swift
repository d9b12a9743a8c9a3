import Foundation
import Testing

/// Issue 24, item 1: the server lets a draft's authors or a reviewer rewrite it; anyone else only adds to it.
@Suite("Team: who may rewrite a draft on the server")
struct TeamSyncRewriteRuleTests {
    static let draft = "faq-do-you-take-insurance"

    /// A commit replacing the draft's edit with another answer, made with plain Git by `name <email>`, on the published tip.
    static func replacement(by name: String, _ email: String, team: Team, in folder: URL) throws -> String {
        let box = team.box
        #expect(try box.git(["fetch", "-q", "origin"], in: folder).status == 0)
        let worktree = folder.appendingPathComponent("plain")
        #expect(try box.git(["worktree", "add", "-q", "--detach", worktree.path, "origin/main"], in: folder).status == 0)
        try FileManager.default.createDirectory(at: worktree.appendingPathComponent("content/faq"), withIntermediateDirectories: true)
        let source = try box.git(["show", "origin/drafts/\(draft):content/faq/do-you-take-insurance.md"], in: folder).stdout
        try Data(source.replacingOccurrences(of: "Yes.", with: "Only cash.").utf8)
            .write(to: worktree.appendingPathComponent("content/faq/do-you-take-insurance.md"))
        let identity = ["-c", "user.name=\(name)", "-c", "user.email=\(email)"]
        #expect(try box.git(["add", "-A"], in: worktree).status == 0)
        #expect(try box.git(identity + ["commit", "-qm", "FAQ: add \"Do you take insurance?\""], in: worktree).status == 0)
        return try box.git(["rev-parse", "HEAD"], in: worktree).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aStrangerCannotReplaceADraftAReviewerCan() throws {
        let team = try makeGuardedTeam()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let before = try team.serverRef("refs/heads/drafts/\(Self.draft)")

        let forged = try Self.replacement(by: "Eve Editor", "eve@clinic.example", team: team, in: office)
        let pushed = try box.git(["push", "--force", "origin", "\(forged):refs/heads/drafts/\(Self.draft)"], in: office)
        #expect(pushed.status != 0)
        #expect(
            pushed.stderr.contains(
                "made by Eve Editor <eve@clinic.example>, who wrote none of it and is not a reviewer: only its authors (\(Sandbox.manager))"
            ),
            "\(pushed.stderr)")
        #expect(try team.serverRef("refs/heads/drafts/\(Self.draft)") == before)

        // Adding on top stays open to anyone; a reviewer may also rewrite, and the old tip is kept.
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let rewrite = try Self.replacement(by: "Rita Reviewer", "rita@clinic.example", team: team, in: laptop)
        let accepted = try box.git(["push", "--force", "origin", "\(rewrite):refs/heads/drafts/\(Self.draft)"], in: laptop)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(try team.serverRef("refs/heads/drafts/\(Self.draft)") == rewrite)
        #expect(try team.serverRef("refs/clinicctl/replaced/\(Self.draft)-\(before.prefix(7))") == before)
    }
}
