import Foundation
import Testing

@Suite("review show: what a draft changes")
struct ReviewShowTests {
    @Test("an FAQ entry moved on the page reads as MOVED, with its old and new place")
    func movedEntry() throws {
        let box = try Sandbox()
        let move = try box.clinicctl([
            "faq", "move", "why-is-my-doctor-not-familiar-with-dry-needling", "--after", "what-is-dry-needling", "--json",
        ])
        #expect(move.status == 0, "\(move.stderr)")
        let id = try #require((try decodeJSON(move) as? [String: Any])?["draft"] as? String)
        let show = try box.clinicctl(["review", "show", id], as: Sandbox.reviewer)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("MOVED FAQ \"Why is my doctor not familiar with dry needling?\""), "\(show.stdout)")
        #expect(show.stdout.contains("    page order: moved from 10th of 10 to 2nd of 10"), "\(show.stdout)")
        #expect(!show.stdout.contains("It changes nothing"))
    }
}
