import Foundation
import Testing

@Suite("messages in the office manager's words")
struct MessageTests {
    @Test("a usage error is written error:, like every other error, never Error:")
    func oneErrorPrefix() throws {
        let box = try Sandbox()
        let usage = try box.clinicctl(["hours", "special", "remove", "the-loop", "not-a-date"])
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix("error: "), "\(usage.stderr)")
        #expect(!usage.stderr.contains("Error:"), "\(usage.stderr)")
        let refused = try box.clinicctl(["faq", "show", "no-such-entry"])
        #expect(refused.stderr.hasPrefix("error: "), "\(refused.stderr)")
    }

    @Test("a date written 12/24/2026 gets a did-you-mean")
    func dateSuggestion() throws {
        let box = try Sandbox()
        let run = try box.clinicctl(["hours", "special", "add", "the-loop", "12/24/2026", "--closed"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("did you mean 2026-12-24?"), "\(run.stderr)")
    }

    @Test("names are matched in any case, and twitter means x")
    func namesInAnyCase() throws {
        let box = try Sandbox()
        let hours = try box.clinicctl(["hours", "set", "Glenview", "sat", "09:00-12:00"])
        #expect(hours.status == 0, "\(hours.stderr)")
        #expect(try box.git(["rev-parse", "--verify", "-q", "refs/heads/drafts/hours-glenview"]).status == 0)
        let shown = try box.clinicctl(["hours", "show", "The Loop"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let social = try box.clinicctl(["social", "remove", "Instagram", "--draft-name", "social"])
        #expect(social.status == 0, "\(social.stderr)")
        let twitter = try box.clinicctl(["social", "add", "twitter", "https://x.com/clinic", "--draft", "social", "--replace"])
        #expect(twitter.status == 0, "\(twitter.stderr)")
        #expect(try box.show("drafts/social", "content/social.yaml").contains("network: x"))
    }

    @Test("a refused edit names the field in the user's words first, counting from 1, and the file position after it")
    func refusedEditInTheUsersWords() throws {
        let box = try Sandbox()
        let run = try box.clinicctl(["social", "add", "facebook", "https://evil.example\\@www.facebook.com/jasonthept"])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        let words = try #require(lines.firstIndex { $0.hasPrefix("  social link 5 (its address): ") }, "\(run.stderr)")
        #expect(lines.indices.contains(words + 1) && lines[words + 1].hasPrefix("content/social.yaml:"), "\(run.stderr)")
        let faq = try box.clinicctl(["faq", "edit", "is-the-procedure-painful", "--question", ""])
        #expect(faq.stderr.contains("  FAQ entry is-the-procedure-painful (its question): question is empty"), "\(faq.stderr)")
    }
}
