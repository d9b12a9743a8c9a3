import Foundation
import Testing

@Suite("hours special --all and list, social move")
struct EveryLocationTests {
    @Test("one command closes every location; the list shows upcoming first, then past")
    func closeEverywhere() throws {
        let box = try Sandbox()
        let add = try box.clinicctl([
            "hours", "special", "add", "--all", "2099-12-24..2099-12-26", "--closed", "--reason", "Christmas", "--json",
        ])
        #expect(add.status == 0, "\(add.stderr)")
        let draft = try #require((try decodeJSON(add) as? [String: Any])?["draft"] as? String)
        #expect(try box.gitOutput(["rev-list", "--count", "main..drafts/\(draft)"]) == "1", "one edit for all locations")
        #expect(
            try box.gitOutput(["diff", "--name-only", "main", "drafts/\(draft)"])
                == "content/hours/glenview.yaml\ncontent/hours/the-loop.yaml")
        for file in ["content/hours/glenview.yaml", "content/hours/the-loop.yaml"] {
            #expect(
                try box.show("drafts/\(draft)", file).contains("  - from: \"2099-12-24\"\n    through: \"2099-12-26\"\n    closed: true"))
        }
        let past = try box.clinicctl(["hours", "special", "add", "glenview", "2001-01-01", "--closed", "--draft", draft])
        #expect(past.status == 0, "\(past.stderr)")
        let list = try box.clinicctl(["hours", "special", "list", "--draft", draft, "--json"])
        let rows = try #require(try decodeJSON(list) as? [[String: Any]])
        #expect(
            rows.map { "\($0["location"]!) \($0["from"]!) \($0["past"]!)" } == [
                "glenview 2099-12-24 0", "the-loop 2099-12-24 0", "glenview 2001-01-01 1",
            ])
        let one = try box.clinicctl(["hours", "special", "list", "the-loop", "--draft", draft])
        #expect(one.stdout.contains("2099-12-24..2099-12-26") && one.stdout.contains("Christmas") && !one.stdout.contains("glenview"))
    }

    @Test("refusals write nothing: --all with a location, no dates, an unknown location")
    func refusals() throws {
        let box = try Sandbox()
        let before = try box.snapshot()
        let cases: [([String], Int32, String)] = [
            (["hours", "special", "add", "--all", "glenview", "2099-12-24", "--closed"], 64, "not a location"),
            (["hours", "special", "add", "glenview", "--closed"], 64, "give the location and the dates"),
            (["hours", "special", "list", "nowhere"], 1, "nowhere"),
            (["social", "move", "facebook", "--position", "1"], 1, "Facebook is not listed; listed: tiktok, x, linkedin, instagram"),
            (["social", "move", "x", "--before", "youtube"], 1, "YouTube is not listed"),
            (["social", "move", "x", "--position", "9"], 64, "outside the list (1 to 4)"),
            (["social", "move", "x"], 64, "say where"),
            (["social", "move", "x", "--position", "1", "--after", "tiktok"], 64, "say where"),
            (["social", "move", "tiktok", "--position", "1"], 1, "nothing to change"),
        ]
        for (arguments, status, message) in cases {
            let run = try box.clinicctl(arguments)
            #expect(run.status == status, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        #expect(try box.snapshot() == before)
    }

    @Test("social move --before, --after, --position reorder the links")
    func socialMove() throws {
        let box = try Sandbox()
        func order(_ draft: String) throws -> [String] {
            try box.show("drafts/\(draft)", "content/social.yaml").components(separatedBy: "\n")
                .filter { $0.hasPrefix("  - network: ") }.map { String($0.dropFirst(13)) }
        }
        let first = try box.clinicctl(["social", "move", "instagram", "--before", "x", "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let draft = try #require((try decodeJSON(first) as? [String: Any])?["draft"] as? String)
        #expect(try order(draft) == ["tiktok", "instagram", "x", "linkedin"])
        #expect(try box.clinicctl(["social", "move", "tiktok", "--after", "linkedin", "--draft", draft]).status == 0)
        #expect(try order(draft) == ["instagram", "x", "linkedin", "tiktok"])
        #expect(try box.clinicctl(["social", "move", "linkedin", "--position", "1", "--draft", draft]).status == 0)
        #expect(try order(draft) == ["linkedin", "instagram", "x", "tiktok"])
        #expect(try box.gitOutput(["diff", "--name-only", "main", "drafts/\(draft)"]) == "content/social.yaml")
    }
}
