import Foundation
import Testing

/// Sync tells a rewrite from a race (issue 24, item 1): each clone remembers the server's tip
/// of each draft at its last sync, so a draft rewritten on one computer (an edit dropped, the
/// draft reopened or brought up to date) replaces the other copies whole, and only a draft
/// that moved on both sides since is merged, edit by edit.
@Suite("Team: a rewrite is not a race", .serialized)
struct TeamSyncRewriteTests {
    /// A guarded server, the office's clone holding draft `links` (two edits) and Rita's clone with it.
    static func team() throws -> (Team, office: URL, laptop: URL) {
        let team = try Team()
        let install = try team.box.clinicctl(["hooks", "install", "--server", "--repo", team.box.repo.path], in: team.box.root)
        #expect(install.status == 0, "\(install.stderr)")
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        let box = team.box
        #expect(
            try box.clinicctl(["social", "add", "facebook", "https://www.facebook.com/jasonthept", "--draft-name", "links"], in: office)
                .status == 0)
        #expect(
            try box.clinicctl(["social", "add", "youtube", "https://www.youtube.com/@jasonthept", "--draft", "links"], in: office).status
                == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        return (team, office, laptop)
    }

    static func edits(_ draft: String, in clone: URL, _ box: Sandbox) throws -> [String] {
        let log = try box.git(["log", "--format=%s", "refs/heads/main..refs/heads/drafts/\(draft)"], in: clone)
        return log.stdout.lowercased().split(separator: "\n").map(String.init)
    }

    @Test("rejected, reopened, an edit dropped, synced: the dropped edit is gone on both clones and on the server, kept as a record")
    func droppedEditNeverReturns() throws {
        let (team, office, laptop) = try Self.team()
        let box = team.box
        let rejected = try box.clinicctl(["review", "reject", "links", "--reason", "Keep YouTube only"], as: Sandbox.reviewer, in: laptop)
        #expect(rejected.status == 0, "\(rejected.stderr)")
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let oldTip = try team.serverRef("refs/heads/drafts/links")
        #expect(try box.clinicctl(["draft", "reopen", "links"], in: office).status == 0)
        let dropped = try box.clinicctl(["draft", "drop", "links", "--edit", "1"], in: office)
        #expect(dropped.status == 0, "\(dropped.stderr)")
        let sent = try box.clinicctl(["sync"], in: office)
        #expect(sent.status == 0 && sent.stdout.contains("draft links: rewritten here"), "\(sent.stdout)\(sent.stderr)")
        #expect(!sent.stdout.contains("re-applied"), "\(sent.stdout)")

        let kept = try Self.edits("links", in: office, box)
        #expect(kept.count == 1 && kept[0].contains("youtube"), "\(kept)")
        #expect(
            try team.serverRef("refs/heads/drafts/links")
                == box.git(["rev-parse", "refs/heads/drafts/links"], in: office).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(try team.serverRef("refs/clinicctl/replaced/links-\(oldTip.prefix(7))") == oldTip)

        let fetched = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(
            fetched.status == 0 && fetched.stdout.contains("draft links: fetched from the server"), "\(fetched.stdout)\(fetched.stderr)")
        #expect(try Self.edits("links", in: laptop, box) == kept)
        let review = try box.clinicctl(["review", "show", "links"], as: Sandbox.reviewer, in: laptop)
        #expect(!review.stdout.contains("facebook") && review.stdout.contains("youtube"), "\(review.stdout)")
        #expect(try box.clinicctl(["review", "approve", "links"], as: Sandbox.reviewer, in: laptop).status == 0)
        let social = try box.gitOutput(["show", "main:content/social.yaml"])
        #expect(!social.contains("facebook") && social.contains("youtube"), "\(social)")
    }

    @Test(
        "a draft that moved on both computers since the last sync is merged edit by edit: the rewrite stays, the other edit is added once")
    func raceAfterRewriteKeepsTheRewrite() throws {
        let (team, office, laptop) = try Self.team()
        let box = team.box
        // Rita adds an edit to the draft on her laptop and sends it; the office has not synced since.
        let added = try box.clinicctl(
            ["social", "add", "other", "https://clinic.example/blog", "--draft", "links"], as: Sandbox.reviewer, in: laptop)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)
        // Meanwhile the office drops its first edit.
        #expect(try box.clinicctl(["draft", "drop", "links", "--edit", "1"], in: office).status == 0)
        let synced = try box.clinicctl(["sync"], in: office)
        #expect(synced.status == 0 && synced.stdout.contains("draft links: rewritten here"), "\(synced.stdout)\(synced.stderr)")
        let edits = try Self.edits("links", in: office, box)
        #expect(edits.count == 2, "\(edits)")
        #expect(edits.filter { $0.contains("facebook") }.isEmpty && edits.filter { $0.contains("youtube") }.count == 1, "\(edits)")
        #expect(edits.filter { $0.contains("other") }.count == 1, "\(edits)")
        #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)
        #expect(try Self.edits("links", in: laptop, box) == edits)
    }

    @Test("the last edit dropped here while another computer added one: the dropped edit does not come back, the added one is kept")
    func droppedLastEditStaysDroppedInARace() throws {
        let (team, office, laptop) = try Self.team()
        let box = team.box
        #expect(try box.clinicctl(["draft", "drop", "links", "--edit", "2"], in: office).status == 0)
        let added = try box.clinicctl(
            ["social", "add", "other", "https://clinic.example/news", "--draft", "links"], as: Sandbox.reviewer, in: laptop)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)
        let synced = try box.clinicctl(["sync"], in: office)
        #expect(synced.status == 0 && synced.stdout.contains("draft links: rewritten here"), "\(synced.stdout)\(synced.stderr)")
        let edits = try Self.edits("links", in: office, box)
        #expect(edits == ["social: add other", "social: add facebook"], "\(edits)")
        #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)
        #expect(try Self.edits("links", in: laptop, box) == edits)
    }
}
