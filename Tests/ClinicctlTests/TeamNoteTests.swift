import Foundation
import Testing

/// `clinicctl draft note`: a note travels with its draft through the server, which takes only notes that count.
@Suite("Team: notes on drafts")
struct TeamNoteTests {
    static let draft = "faq-do-you-take-insurance"

    /// The server's note references, through git.
    private func serverNotes(_ team: Team) throws -> [String] {
        try team.box.git(["for-each-ref", "--format=%(refname)", "refs/clinicctl/notes/"]).stdout.split(separator: "\n").map(String.init)
    }

    @Test func aNoteTravelsToTheOtherCopyAndShowsInReviewShowDraftsAndInbox() throws {
        let team = try guardedTeamServer()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(TeamEdits.insurance, in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)

        let noted = try box.clinicctl(["draft", "note", Self.draft, "approve on Jan 11"], as: Sandbox.reviewer, in: laptop)
        #expect(noted.status == 0, "\(noted.stderr)")
        #expect(noted.stderr.isEmpty, "sent at once: \(noted.stderr)")
        let reference = try box.git(["for-each-ref", "--format=%(refname)", "refs/clinicctl/notes/"], in: laptop).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(reference.hasPrefix("refs/clinicctl/notes/\(Self.draft)-"), "\(reference)")
        #expect(noted.stdout.hasPrefix("Noted on draft \(Self.draft) ("), "\(noted.stdout)")
        #expect(try serverNotes(team) == [reference])
        // A note is a record beside the draft: the draft did not move.
        #expect(try team.serverRef("refs/heads/drafts/\(Self.draft)") == team.serverRef("\(reference)^"))

        let synced = try box.clinicctl(["sync"], in: office)
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stdout.contains("draft \(Self.draft): note from Rita Reviewer: \"approve on Jan 11\""), "\(synced.stdout)")
        let shown = try box.clinicctl(["review", "show", Self.draft], in: office)
        #expect(shown.status == 0, "\(shown.stderr)")
        let section = try #require(shown.stdout.components(separatedBy: "NOTES:\n").last)
        let noteLines = section.split(separator: "\n").prefix(2)
        #expect(
            noteLines.first?.range(of: #"^  \d{4}-\d{2}-\d{2} \d{2}:\d{2} \S+  Rita Reviewer:$"#, options: .regularExpression) != nil,
            "\(shown.stdout)")
        #expect(noteLines.last == "    approve on Jan 11")
        let shownJSON = try #require(
            try decodeJSON(try box.clinicctl(["review", "show", Self.draft, "--json"], in: office)) as? [String: Any])
        let notes = try #require(shownJSON["notes"] as? [[String: Any]])
        #expect(notes.map { $0["text"] as? String } == ["approve on Jan 11"])
        #expect(notes.map { ($0["by"] as? [String: String])?["email"] } == ["rita@clinic.example"])

        let drafts = try box.clinicctl(["drafts"], in: office)
        #expect(drafts.stdout.contains("NOTES"), "\(drafts.stdout)")
        let row = try #require(drafts.stdout.split(separator: "\n").first { $0.hasPrefix(Self.draft) })
        #expect(row.contains("same as the server  1      FAQ: add"), "\(drafts.stdout)")
        let rows = try #require(try decodeJSON(try box.clinicctl(["drafts", "--json"], in: office)) as? [[String: Any]])
        #expect(rows.first { $0["id"] as? String == Self.draft }?["notes"] as? Int == 1)

        let inbox = try box.clinicctl(["inbox"], in: office)
        #expect(inbox.stdout.contains("Notes on your drafts (1):\n  \(Self.draft) "), "\(inbox.stdout)")
        #expect(inbox.stdout.contains("note from Rita Reviewer  FAQ: add \"Do you take insurance?\"  clinicctl review show"))
        #expect(inbox.stdout.contains("  clinicctl review show \(Self.draft)\n    note from Rita Reviewer, "))
        #expect(inbox.stdout.contains(": \"approve on Jan 11\"\n"))
    }

    @Test func aNoteOnADraftTheServerDoesNotHaveYetGoesWithItAtTheNextSync() throws {
        let team = try guardedTeamServer()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        #expect(try box.clinicctl(TeamEdits.parking, in: office).status == 0)
        let noted = try box.clinicctl(["draft", "note", "faq-is-parking-free", "Photo of the lot to follow"], in: office)
        #expect(noted.status == 0, "\(noted.stderr)")
        #expect(
            noted.stderr.contains(
                "draft faq-is-parking-free is not on the server as it is here yet, so the note is kept here with it; run `clinicctl sync` to send it"
            ),
            "\(noted.stderr)")
        #expect(try serverNotes(team).isEmpty)
        let sent = try box.clinicctl(["sync"], in: office)
        #expect(sent.status == 0, "\(sent.stdout)")
        #expect(sent.stdout.contains("draft faq-is-parking-free: pushed"))
        #expect(sent.stdout.contains("record notes/faq-is-parking-free-"), "\(sent.stdout)")
        #expect(try serverNotes(team).count == 1)
        let fetched = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(
            fetched.stdout.contains("draft faq-is-parking-free: note from Olivia Office: \"Photo of the lot to follow\""),
            "\(fetched.stdout)")
        // Her own note is no news to her.
        #expect(!(try box.clinicctl(["sync"], in: office).stdout.contains("note from")))
    }
}
