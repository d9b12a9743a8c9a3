import Foundation
import Testing

@Suite("review visibility: nothing beyond content goes live unseen or unaccepted")
struct ReviewVisibilityTests {
    /// A sandbox with the draft `sneaky` made as `change` says.
    func draft(_ change: BeyondContent) throws -> Sandbox {
        let box = try Sandbox()
        try box.plainGitDraft("sneaky") { _ in try change.change(box) }
        if change.contentEdit {
            let edit = try box.clinicctl(["clinic", "set", "--phone", "+1 312 555 0199", "--draft", "sneaky"])
            #expect(edit.status == 0, "\(edit.stderr)")
        }
        return box
    }

    @Test("review show names the change in its section, text and JSON, before the content", arguments: BeyondContent.all)
    func shown(_ change: BeyondContent) throws {
        let box = try draft(change)
        let text = try box.clinicctl(["review", "show", "sneaky"], as: Sandbox.reviewer)
        #expect(text.status == 0, "\(text.stderr)")
        let heading = ["code-that-will-run": "CODE THAT WILL RUN", "settings": "SETTINGS", "other-files": "OTHER FILES"][change.section]!
        let lines = text.stdout.components(separatedBy: "\n")
        let headingLine = try #require(lines.firstIndex { $0.hasPrefix("!!! \(heading)") }, "\(text.stdout)")
        let pathLine = try #require(lines.firstIndex { $0.contains(" \(change.path)  (") }, "\(text.stdout)")
        #expect(headingLine < pathLine)
        if let content = lines.firstIndex(of: "CONTENT:") { #expect(headingLine < content) }
        #expect(text.stdout.contains("--accept \(change.accept)"))
        let json = try #require(
            try decodeJSON(try box.clinicctl(["review", "show", "sneaky", "--json"], as: Sandbox.reviewer)) as? [String: Any])
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.contains { $0["path"] as? String == change.path && $0["section"] as? String == change.section }, "\(files)")
        #expect((json["needsAcceptance"] as? [String])?.contains(change.accept) == true)
    }

    @Test("drafts and review list mark the draft", arguments: BeyondContent.all)
    func marked(_ change: BeyondContent) throws {
        let box = try draft(change)
        let drafts = try box.clinicctl(["drafts"])
        let row = try #require(drafts.stdout.components(separatedBy: "\n").first { $0.hasPrefix("sneaky ") }, "\(drafts.stdout)")
        #expect(row.contains("!" + change.accept.uppercased()), "\(row)")
        let list = try box.clinicctl(["review", "list"], as: Sandbox.reviewer)
        #expect(list.stdout.contains("!" + change.accept.uppercased()), "\(list.stdout)")
        let json = try #require(try decodeJSON(try box.clinicctl(["drafts", "--json"])) as? [[String: Any]])
        #expect(json.first?["beyondContent"] as? [String] == [change.accept])
    }

    @Test("approve without --accept refuses and changes nothing; with it, the approval records it", arguments: BeyondContent.all)
    func accepted(_ change: BeyondContent) throws {
        let box = try draft(change)
        #expect(try box.clinicctl(["review", "show", "sneaky"], as: Sandbox.reviewer).status == 0)
        let before = try box.snapshot()
        let refused = try box.clinicctl(["review", "approve", "sneaky", "--no-publish"], as: Sandbox.reviewer)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--accept \(change.accept)"), "\(refused.stderr)")
        #expect(refused.stderr.contains(change.path), "\(refused.stderr)")
        #expect(try box.snapshot() == before)
        #expect(!FileManager.default.fileExists(atPath: box.hookMark.path))
        let approved = try box.clinicctl(["review", "approve", "sneaky", "--no-publish", "--accept", change.accept], as: Sandbox.reviewer)
        if change.approvable {
            #expect(approved.status == 0, "\(approved.stderr)")
            #expect(try box.publishedMessage().contains("Clinic-Accepted: \(change.accept)"))
        } else {
            // Accepted or not, an executable file in the content folder is invalid content.
            #expect(approved.status == 1)
            #expect(approved.stderr.contains("file.mode"), "\(approved.stderr)")
            #expect(try box.snapshot() == before)
        }
    }

    @Test("a hook merged onto main without being accepted does not run when published; an accepted one does")
    func hookNotRunUnaccepted() throws {
        let box = try draft(BeyondContent.all[0])
        // Merged with plain git, as a push that skipped clinicctl would.
        try box.gitOutput([
            "-c", "user.name=Mallory", "-c", "user.email=m@clinic.example", "merge", "-q", "--no-ff", "-m", "merge", "drafts/sneaky",
        ])
        let publish = try box.clinicctl(["publish"])
        #expect(publish.status == 0, "\(publish.stderr)")
        #expect(publish.stdout.contains("Not running 05-sneaky"), "\(publish.stdout)")
        #expect(!FileManager.default.fileExists(atPath: box.hookMark.path))

        let accepted = try draft(BeyondContent.all[0])
        let approve = try accepted.clinicctl(["review", "approve", "sneaky", "--accept", "hooks"], as: Sandbox.reviewer)
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(approve.stderr.contains("Running 05-sneaky"), "\(approve.stderr)")
        #expect(FileManager.default.fileExists(atPath: accepted.hookMark.path))
    }
}
