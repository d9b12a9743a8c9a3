import Foundation
import Testing

/// `sync` says per draft what happened, in words (issue 24, item 4), over `git daemon`.
@Suite("Team: sync tells people what happened to each draft")
struct TeamSyncWordsTests {
    static let insurance = TeamEdits.insurance
    static let parking = TeamEdits.parking

    @Test func syncNamesTheApproverAndTheRejectionReason() throws {
        let team = try guardedTeamServer()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        // The reviewer's copy is made before the drafts exist: her sync brings them, and says they wait for her.
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        #expect(try box.clinicctl(Self.insurance, in: office).status == 0)
        #expect(try box.clinicctl(Self.parking, in: office).status == 0)
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you bill Medicare?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        // A second copy of Olivia's, which learns what happened as data (--json).
        let (home, _) = try team.clone("home", as: Sandbox.manager)
        #expect(try box.clinicctl(["draft", "discard", "faq-do-you-bill-medicare"], in: office).status == 0)

        let fetched = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(
            fetched.stdout.contains(
                "draft faq-do-you-take-insurance: fetched from the server; new draft from Olivia Office waits for your review: "
                    + "`clinicctl review show faq-do-you-take-insurance`"), "\(fetched.stdout)")
        #expect(fetched.stdout.contains("draft faq-is-parking-free: fetched from the server; new draft from Olivia Office waits"))

        #expect(try box.clinicctl(["review", "show", "faq-do-you-take-insurance"], as: Sandbox.reviewer, in: laptop).status == 0)
        #expect(try box.clinicctl(["review", "approve", "faq-do-you-take-insurance"], as: Sandbox.reviewer, in: laptop).status == 0)
        let rejected = try box.clinicctl(
            ["review", "reject", "faq-is-parking-free", "--reason", "Keep the company page"], as: Sandbox.reviewer, in: laptop)
        #expect(rejected.status == 0, "\(rejected.stderr)")

        let told = try box.clinicctl(["sync"], in: office)
        #expect(told.status == 0, "\(told.stderr)")
        #expect(
            told.stdout.contains("draft faq-do-you-take-insurance: closed on the server, approved by Rita Reviewer; closed here too"),
            "\(told.stdout)")
        #expect(
            told.stdout.contains(
                "draft faq-is-parking-free: closed on the server, rejected by Rita Reviewer: \"Keep the company page\"; closed here too"))
        #expect(!told.stdout.contains("approved or closed"))
        // The author's own drafts never "wait for her review".
        #expect(!told.stdout.contains("waits for your review"))

        let json = try box.clinicctl(["sync", "--json"], in: home)
        #expect(json.status == 0, "\(json.stderr)")
        let lines = try #require((try decodeJSON(json) as? [String: Any])?["lines"] as? [[String: Any]])
        let notices = Dictionary(
            uniqueKeysWithValues: lines.compactMap { line -> (String, [String: Any])? in
                guard let notice = line["notice"] as? [String: Any], let draft = notice["draft"] as? String else { return nil }
                return (draft, notice)
            })
        #expect(notices["faq-do-you-take-insurance"]?["kind"] as? String == "approved", "\(json.stdout)")
        #expect((notices["faq-do-you-take-insurance"]?["by"] as? [String: String])?["email"] == "rita@clinic.example")
        #expect(notices["faq-is-parking-free"]?["kind"] as? String == "rejected")
        #expect(notices["faq-is-parking-free"]?["reason"] as? String == "Keep the company page")
        #expect((notices["faq-is-parking-free"]?["by"] as? [String: String])?["name"] == "Rita Reviewer")
        #expect(notices["faq-do-you-bill-medicare"]?["kind"] as? String == "discarded")
        #expect((notices["faq-do-you-bill-medicare"]?["by"] as? [String: String])?["name"] == "Olivia Office")
        let text = lines.compactMap { $0["subject"] as? String == "draft faq-do-you-bill-medicare" ? $0 : nil }
        #expect(text.count == 1 && text.first?["outcome"] as? String == "closed")
    }

    @Test func aDraftThatMovedAfterTheReviewerReadItSaysSo() throws {
        let team = try guardedTeamServer()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(Self.insurance, in: office).status == 0)
        #expect(try box.clinicctl(Self.parking, in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        #expect(try box.clinicctl(["review", "show", "faq-do-you-take-insurance"], as: Sandbox.reviewer, in: laptop).status == 0)

        // Olivia adds an edit to each draft; Rita read only the first.
        for draft in ["faq-do-you-take-insurance", "faq-is-parking-free"] {
            #expect(try box.clinicctl(["hours", "set", "glenview", "sat", "9am-1pm", "--draft", draft], in: office).status == 0)
        }
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let synced = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(
            synced.stdout.contains(
                "draft faq-do-you-take-insurance: someone else added edits; your copy was updated; changed since you read it: "
                    + "read it again with `clinicctl review show faq-do-you-take-insurance`"), "\(synced.stdout)")
        let other = synced.stdout.split(separator: "\n").filter { $0.hasPrefix("draft faq-is-parking-free") }
        #expect(other == ["draft faq-is-parking-free: someone else added edits; your copy was updated"], "\(synced.stdout)")

        // Read again, and moved again by nobody: nothing more to say.
        #expect(try box.clinicctl(["review", "show", "faq-do-you-take-insurance"], as: Sandbox.reviewer, in: laptop).status == 0)
        let quiet = try box.clinicctl(["sync", "--json"], as: Sandbox.reviewer, in: laptop)
        #expect(!quiet.stdout.contains("changed-since-read"), "\(quiet.stdout)")
    }
}
