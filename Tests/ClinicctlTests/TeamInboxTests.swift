import Foundation
import Testing

/// `clinicctl inbox` for each of the team, from what their last sync fetched, over `git daemon`.
@Suite("Team: what waits for whom")
struct TeamInboxTests {
    /// The item lines of an inbox (a draft id first, indented by two), without notes or headings.
    private func items(_ run: Run) -> [Substring] {
        run.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
    }

    @Test func eachPersonsInboxListsExactlyWhatWaitsForThem() throws {
        let team = try guardedTeamServer()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        let empty = try box.clinicctl(["inbox"], in: office)
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stdout.hasPrefix("Nothing waits for you (Olivia Office, an author).\n"), "\(empty.stdout)")
        #expect(empty.stdout.contains("Never synced with origin") || empty.stdout.contains("Last sync with origin:"))

        #expect(try box.clinicctl(TeamEdits.insurance, in: office).status == 0)
        #expect(try box.clinicctl(TeamEdits.parking, in: office).status == 0)
        #expect(try box.clinicctl(["hours", "set", "glenview", "sat", "9am-1pm"], in: office).status == 0)
        #expect(
            try box.clinicctl(["hours", "set", "glenview", "sat", "10am-2pm", "--draft-name", "saturday-later"], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let medicare = ["faq", "add", "--question", "Do you bill Medicare?", "--answer", "Yes."]
        #expect(try box.clinicctl(medicare, as: Sandbox.reviewer, in: laptop).status == 0)
        #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)
        #expect(try box.clinicctl(["review", "approve", "hours-glenview"], as: Sandbox.reviewer, in: laptop).status == 0)
        let rejected = try box.clinicctl(
            ["review", "reject", "faq-is-parking-free", "--reason", "Keep the company page"], as: Sandbox.reviewer, in: laptop)
        #expect(rejected.status == 0, "\(rejected.stderr)")
        #expect(try box.clinicctl(["sync"], in: office).status == 0)

        // Olivia, an author: her rejection with its reason, and the draft the approval left in conflict.
        let olivia = try box.clinicctl(["inbox"], in: office)
        #expect(olivia.status == 0, "\(olivia.stderr)")
        let hers = items(olivia)
        #expect(hers.count == 2, "\(olivia.stdout)")
        #expect(hers.first?.hasPrefix("  faq-is-parking-free ") == true)
        #expect(hers.first?.contains("rejected by Rita Reviewer  \"Keep the company page\"") == true, "\(olivia.stdout)")
        #expect(hers.first?.hasSuffix("  clinicctl draft reopen faq-is-parking-free") == true)
        #expect(hers.last?.hasPrefix("  saturday-later ") == true)
        #expect(hers.last?.contains("conflicts in hours/glenview  Hours: glenview Sat 10:00-14:00") == true, "\(olivia.stdout)")
        #expect(hers.last?.hasSuffix("  clinicctl draft update saturday-later") == true)
        #expect(olivia.stdout.contains("Rejected: reopen to fix (1):\n"))
        #expect(olivia.stdout.contains("Conflict with what is published now: update (1):\n"))
        #expect(!olivia.stdout.contains("To review"))
        #expect(olivia.stdout.contains("Last sync with origin:"))
        let json = try #require(try decodeJSON(try box.clinicctl(["inbox", "--json"], in: office)) as? [String: Any])
        let entries = try #require(json["items"] as? [[String: Any]])
        #expect(entries.map { $0["kind"] as? String } == ["rejected", "needs-update"])
        #expect(entries.map { $0["draft"] as? String } == ["faq-is-parking-free", "saturday-later"])
        #expect(entries.first?["reason"] as? String == "Keep the company page")
        #expect(json["isReviewer"] as? Bool == false)
        #expect(json["lastSync"] is String)

        // Rita, a reviewer: Olivia's open drafts, newest first (made in this order, or within one second and
        // then by id); not her own, not the rejected or approved ones.
        let rita = try box.clinicctl(["inbox"], as: Sandbox.reviewer, in: laptop)
        #expect(rita.status == 0, "\(rita.stderr)")
        let toRita = items(rita)
        #expect(toRita.map { $0.split(separator: " ").first } == ["saturday-later", "faq-do-you-take-insurance"], "\(rita.stdout)")
        #expect(toRita.allSatisfy { $0.contains("by Olivia Office") })
        #expect(toRita.first?.hasSuffix("  clinicctl review show saturday-later") == true)
        #expect(toRita.last?.contains("FAQ: add \"Do you take insurance?\"") == true)
        #expect(rita.stdout.hasPrefix("To review, newest first (2):\n"))

        // Sam, the other reviewer: Rita's draft too (newest first is the library's to prove, with its clock:
        // these drafts may have been made within one second).
        let (samsLaptop, _) = try team.clone("sam", as: Sandbox.secondReviewer)
        let sam = try box.clinicctl(["inbox"], as: Sandbox.secondReviewer, in: samsLaptop)
        #expect(
            Set(items(sam).map { String($0.split(separator: " ")[0]) })
                == ["faq-do-you-bill-medicare", "saturday-later", "faq-do-you-take-insurance"], "\(sam.stdout)")
        #expect(items(sam).contains { $0.hasPrefix("  faq-do-you-bill-medicare ") && $0.contains("by Rita Reviewer") })
    }
}
