import Foundation
import Testing

@Suite("defaults that do what the office manager meant")
struct DefaultsTests {
    @Test("removing one day of a closure keeps the other days, split, and says so")
    func removeOneDaySplitsTheRange() throws {
        let box = try Sandbox()
        let add = try box.clinicctl([
            "hours", "special", "add", "the-loop", "2026-12-24..2026-12-26", "--closed", "--reason", "Christmas", "--draft-name",
            "christmas",
        ])
        #expect(add.status == 0, "\(add.stderr)")
        let remove = try box.clinicctl(["hours", "special", "remove", "the-loop", "2026-12-25", "--draft", "christmas"])
        #expect(remove.status == 0, "\(remove.stderr)")
        #expect(remove.stdout.contains("2026-12-24..2026-12-26 keeps 2026-12-24 and 2026-12-26"), "\(remove.stdout)")
        let file = try box.show("drafts/christmas", "content/hours/the-loop.yaml")
        #expect(file.contains("2026-12-24") && file.contains("2026-12-26") && !file.contains("2026-12-25"), "\(file)")
        #expect(file.components(separatedBy: "Christmas").count == 3, "both days keep the reason: \(file)")

        let whole = try box.clinicctl(["hours", "special", "remove", "the-loop", "2026-12-24..2026-12-26", "--draft", "christmas"])
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(!(try box.show("drafts/christmas", "content/hours/the-loop.yaml")).contains("2026-12"))
    }

    @Test("a past date for special hours is saved with a warning")
    func pastDateWarns() throws {
        let box = try Sandbox()
        let run = try box.clinicctl(["hours", "special", "add", "the-loop", "2020-12-24", "--closed"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Note: 2020-12-24 is in the past"), "\(run.stdout)")
        let future = try box.clinicctl(["hours", "special", "add", "glenview", "2999-12-24", "--closed"])
        #expect(future.status == 0, "\(future.stderr)")
        #expect(!future.stdout.contains("in the past"))
    }

    @Test("a phone typed with spaces is stored in the clinic's own style")
    func phoneInTheClinicsStyle() throws {
        let box = try Sandbox()
        let run = try box.clinicctl(["clinic", "set", "--phone", "773 999 9826"])
        #expect(run.status == 0, "\(run.stderr)")
        let file = try box.show("drafts/clinic", "content/clinic.yaml")
        #expect(file.contains("display: \"773.999.9826\""), "\(file)")
        #expect(file.contains("e164: \"+17739999826\""))
    }

    @Test("repeating an edit names the open draft instead of opening a second; --draft-name opens one on purpose")
    func repeatedEditNamesTheOpenDraft() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(["clinic", "set", "--name", "Loop PT"]).status == 0)
        let before = try box.snapshot()
        let again = try box.clinicctl(["clinic", "set", "--name", "Loop Physical Therapy"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("your draft clinic on this is still open"), "\(again.stderr)")
        #expect(again.stderr.contains("--draft clinic"))
        #expect(try box.snapshot() == before)

        let other = try box.clinicctl(["clinic", "set", "--name", "Loop Physical Therapy"], as: Sandbox.secondReviewer)
        #expect(other.status == 0, "someone else's draft does not stop a new one: \(other.stderr)")
        #expect(try box.git(["rev-parse", "--verify", "-q", "refs/heads/drafts/clinic-2"]).status == 0)

        let named = try box.clinicctl(["clinic", "set", "--name", "Loop PT Chicago", "--draft-name", "rename-2027"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdout.contains("Opened draft rename-2027"))
        let taken = try box.clinicctl(["clinic", "set", "--name", "X", "--draft-name", "rename-2027"])
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("draft rename-2027 is already open"), "\(taken.stderr)")
        let bad = try box.clinicctl(["clinic", "set", "--name", "X", "--draft-name", "New Name!"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("like new-name"), "\(bad.stderr)")
    }
}
