import Foundation
import Testing

/// What a clone says about what has and has not reached the server.
@Suite("Team: what is only here, only on the server, or differs")
struct TeamSyncStateTests {
    static let question = ["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."]
    static let draft = "faq-do-you-take-insurance"

    @Test func aWritingCommandInACloneSaysTheDraftIsLocalUntilSync() throws {
        let team = try Team()
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        let added = try team.box.clinicctl(Self.question, in: office)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("This draft is on this computer only until `clinicctl sync`."))
        // Without a remote there is no server to wait for: the line is not there.
        let alone = try Sandbox()
        let plain = try alone.clinicctl(Self.question)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stdout.contains("clinicctl sync"))
    }

    @Test func draftsAndStatusSayWhereEachDraftIs() throws {
        let team = try Team()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(Self.question, in: office).status == 0)
        let before = try box.clinicctl(["drafts"], in: office)
        #expect(before.stdout.contains("only on this computer"), "\(before.stdout)")
        #expect(before.stdout.contains("Never synced with origin"))
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let synced = try box.clinicctl(["drafts", "--json"], in: office)
        #expect(synced.stdout.contains("\"place\" : \"same-as-server\""), "\(synced.stdout)")
        #expect(try box.clinicctl(["drafts"], in: office).stdout.contains("Last sync with origin:"))

        // A new edit here: the copies differ until the next sync.
        #expect(
            try box.clinicctl(["hours", "set", "glenview", "sat", "9am-1pm", "--draft", Self.draft], in: office).status == 0)
        // The reviewer's new draft reaches the server; the office's plain fetch sees it there only.
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let other = ["faq", "add", "--question", "Is parking free?", "--answer", "Yes."]
        #expect(try box.clinicctl(other, as: Sandbox.reviewer, in: laptop).status == 0)
        #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)
        #expect(try box.git(["fetch", "origin"], in: office).status == 0)

        let json = try box.clinicctl(["drafts", "--json"], in: office)
        #expect(json.stdout.contains("\"place\" : \"differs-from-server\""), "\(json.stdout)")
        #expect(json.stdout.contains("\"place\" : \"only-on-server\""))
        let status = try box.clinicctl(["status"], in: office)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("differs from the server: \(Self.draft)"), "\(status.stdout)")
        #expect(status.stdout.contains("only on the server: faq-is-parking-free"))
        #expect(status.stdout.contains("Last sync with origin:"))
        let statusJSON = try box.clinicctl(["status", "--json"], in: office).stdout
        #expect(statusJSON.contains("\"faq-is-parking-free\" : \"only-on-server\""), "\(statusJSON)")
        #expect(statusJSON.contains("\"lastSync\""))
        // `review list` says the same, so a reviewer knows what to sync before approving.
        let review = try box.clinicctl(["review", "list"], as: Sandbox.reviewer, in: office)
        #expect(review.status == 0, "\(review.stderr)")
        let lines = review.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix(Self.draft) && $0.contains("differs from the server") }, "\(review.stdout)")
        #expect(lines.contains { $0.hasPrefix("faq-is-parking-free") && $0.contains("only on the server") })
        #expect(review.stdout.contains("Last sync with origin:"))
        let reviewJSON = try box.clinicctl(["review", "list", "--json"], as: Sandbox.reviewer, in: office).stdout
        #expect(reviewJSON.contains("\"place\" : \"differs-from-server\""), "\(reviewJSON)")
        #expect(reviewJSON.contains("\"place\" : \"only-on-server\""))
    }

    @Test func withoutARemoteDraftsAndStatusSayNothingAboutAServer() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(Self.question).status == 0)
        let drafts = try box.clinicctl(["drafts"])
        #expect(!drafts.stdout.contains("WHERE") && !drafts.stdout.contains("sync"), "\(drafts.stdout)")
        #expect(!(try box.clinicctl(["drafts", "--json"]).stdout.contains("place")))
        #expect(!(try box.clinicctl(["status"]).stdout.contains("sync")))
        #expect(!(try box.clinicctl(["status", "--json"]).stdout.contains("server")))
        let review = try box.clinicctl(["review", "list"]).stdout
        #expect(!review.contains("WHERE") && !review.contains("sync"), "\(review)")
        #expect(!(try box.clinicctl(["review", "list", "--json"]).stdout.contains("place")))
    }
}

@Suite("Team: rejections and discards reach the server")
struct TeamSyncClosingTests {
    @Test func aRejectionInACloneIsSentAndTheServerKeepsTheDraftsBranch() throws {
        let team = try Team()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(TeamSyncStateTests.question, in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let draft = TeamSyncStateTests.draft
        let rejected = try box.clinicctl(["review", "reject", draft, "--reason", "Say which plans."], as: Sandbox.reviewer, in: laptop)
        #expect(rejected.status == 0, "\(rejected.stderr)")
        #expect(rejected.stderr.isEmpty, "\(rejected.stderr)")
        let record = try box.rejectionRecord(of: draft, in: laptop)
        let local = try box.git(["rev-parse", record], in: laptop).stdout
        #expect(try team.serverRef(record) + "\n" == local)
        // Never a deletion on the server: the record closes the draft there.
        #expect(try !team.serverRef("refs/heads/drafts/\(draft)").isEmpty)
        // The office learns of it at its next sync, and the draft is closed there too.
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        #expect(try !box.clinicctl(["drafts"], in: office).stdout.contains("\(draft)  open"))
    }

    @Test func aDiscardInACloneIsSentUnlessLocal() throws {
        let team = try Team()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(TeamSyncStateTests.question, in: office).status == 0)
        #expect(try box.clinicctl(["faq", "add", "--question", "Is parking free?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let sent = try box.clinicctl(["draft", "discard", TeamSyncStateTests.draft], in: office)
        #expect(sent.status == 0, "\(sent.stderr)")
        let onServer = try box.git(["for-each-ref", "--format=%(refname)", "refs/clinicctl/discarded/"]).stdout
        #expect(onServer.contains("discarded/\(TeamSyncStateTests.draft)-"), "\(onServer)")
        #expect(try !team.serverRef("refs/heads/drafts/\(TeamSyncStateTests.draft)").isEmpty)

        let kept = try box.clinicctl(["draft", "discard", "faq-is-parking-free", "--local"], in: office)
        #expect(kept.status == 0, "\(kept.stderr)")
        let after = try box.git(["for-each-ref", "--format=%(refname)", "refs/clinicctl/discarded/"]).stdout
        #expect(!after.contains("faq-is-parking-free"))
    }

    @Test func aRejectionTheServerCannotTakeSaysHowToFinish() throws {
        let team = try Team()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(TeamSyncStateTests.question, in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        team.server.stop()
        let draft = TeamSyncStateTests.draft
        let rejected = try box.clinicctl(["review", "reject", draft, "--reason", "Say which plans."], as: Sandbox.reviewer, in: laptop)
        #expect(rejected.status == 0, "\(rejected.stderr)")
        #expect(rejected.stderr.contains("did not reach the server"), "\(rejected.stderr)")
        #expect(rejected.stderr.contains("run `clinicctl sync` to send it"))
        let record = try box.rejectionRecord(of: draft, in: laptop)
        #expect(try box.git(["rev-parse", "--verify", "-q", record], in: laptop).status == 0)
        #expect(try team.serverRef(record).isEmpty)
    }
}
