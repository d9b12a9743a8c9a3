import Foundation
import Testing

/// Issue 25, item 5: libgit2 pushes into a folder on this computer itself, running none of its
/// hooks; clone, sync and review approve say so, once each, and never wait for a server's publish.
@Suite("A shared repository that is a folder on this computer")
struct LocalServerTests {
    static let note = "is a folder on this computer, not a server: clinicctl writes into it directly and none of its hooks run"

    /// How many times `text` says the note.
    static func notes(_ text: String) -> Int { text.components(separatedBy: note).count - 1 }

    @Test("clone, sync and review approve each say once that no server rules ran and nothing is published there", arguments: [false, true])
    func saidOnceByEachCommand(fileAddress: Bool) throws {
        let box = try Sandbox(bare: true)
        // The server's check is installed: over a folder it still does not run.
        #expect(try box.clinicctl(["hooks", "install", "--server", "--repo", box.repo.path], in: box.root).status == 0)
        let address = fileAddress ? "file://" + box.repo.path : box.repo.path
        let office = box.root.appendingPathComponent("office")
        let cloned = try box.clinicctl(["clone", address, office.path], in: box.root)
        #expect(cloned.status == 0, "\(cloned.stderr)")
        #expect(Self.notes(cloned.stderr) == 1, "\(cloned.stderr)")
        #expect(cloned.stderr.contains("note: the shared repository \(box.repo.path) \(Self.note)"), "\(cloned.stderr)")
        #expect(cloned.stderr.contains("so no server rules check what is sent there and nothing is published there"))
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        let synced = try box.clinicctl(["sync"], in: office)
        #expect(synced.status == 0 && synced.stdout.contains("draft faq-do-you-take-insurance: pushed"), "\(synced.stderr)")
        #expect(Self.notes(synced.stderr) == 1, "\(synced.stderr)")

        // The folder has publish records (published there by hand), which a server's publish would move.
        #expect(try box.clinicctl(["publish", "--repo", box.repo.path], in: box.root).status == 0)
        let before = try box.gitOutput(["--git-dir", box.repo.path, "rev-parse", "refs/clinicctl/deployed"])
        let laptop = box.root.appendingPathComponent("laptop")
        #expect(try box.clinicctl(["clone", address, laptop.path], as: Sandbox.reviewer, in: box.root).status == 0)
        let clock = ContinuousClock()
        let started = clock.now
        let approve = try box.clinicctl(
            ["review", "approve", "faq-do-you-take-insurance", "--wait", "60"], as: Sandbox.reviewer, in: laptop)
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(clock.now - started < .seconds(30), "no wait for a publish that cannot happen there")
        #expect(Self.notes(approve.stderr) == 1, "\(approve.stderr)")
        // It did not wait for a publish that cannot happen there, nor claim one.
        #expect(!approve.stderr.contains("the server has not published"), "\(approve.stderr)")
        #expect(!approve.stdout.contains("as the server recorded it"), "\(approve.stdout)")
        let main = try box.gitOutput(["--git-dir", box.repo.path, "rev-parse", "main"])
        #expect(try box.git(["rev-parse", "main"], in: laptop).stdout.hasPrefix(main))
        #expect(try box.gitOutput(["--git-dir", box.repo.path, "rev-parse", "refs/clinicctl/deployed"]) == before)
        #expect(before != main)
    }

    @Test("over a server (git daemon) nothing of the kind is said")
    func notSaidForAServer() throws {
        let team = try Team()
        let (office, cloned) = try team.clone("office", as: Sandbox.manager)
        #expect(Self.notes(cloned.stderr) == 0, "\(cloned.stderr)")
        let synced = try team.box.clinicctl(["sync"], in: office)
        #expect(synced.status == 0 && Self.notes(synced.stderr) == 0, "\(synced.stderr)")
    }
}
