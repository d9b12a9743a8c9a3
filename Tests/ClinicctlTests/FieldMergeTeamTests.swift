import Foundation
import Testing

/// Parallel drafts merge per field (issue 23), end to end: a guarded server over git://, the
/// office's clone opening drafts that touch the same files, and a reviewer's clone approving
/// them in either order; the server's own check accepts each field-merged approval.
@Suite("Team: drafts that touch one file merge by field", .serialized)
struct FieldMergeTeamTests {
    /// Three pairs of drafts, each pair changing one file in different fields.
    static let pairs: [(String, [String])] = [
        ("saturday", ["hours", "set", "glenview", "sat", "09:00-13:00"]),
        ("christmas", ["hours", "special", "add", "glenview", "2027-12-24", "--closed", "--reason", "Christmas"]),
        ("insurance", ["faq", "category", "add", "Insurance", "--id", "insurance"]),
        ("parking", ["faq", "category", "add", "Parking", "--id", "parking"]),
        ("answer", ["faq", "edit", "what-is-dry-needling", "--answer", "A thin needle eases a tight muscle."]),
        (
            "spanish",
            [
                "faq", "edit", "what-is-dry-needling", "--locale", "es", "--question", "¿Qué es la punción seca?", "--answer",
                "Una aguja fina alivia un músculo tenso.",
            ]
        ),
    ]

    /// A guarded server, the office's clone with every draft of `pairs` pushed, and Rita's clone.
    static func team() throws -> (Team, office: URL, laptop: URL) {
        let team = try Team()
        let install = try team.box.clinicctl(["hooks", "install", "--server", "--repo", team.box.repo.path], in: team.box.root)
        #expect(install.status == 0, "\(install.stderr)")
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        for (id, edit) in pairs {
            let opened = try team.box.clinicctl(edit + ["--draft-name", id], in: office)
            #expect(opened.status == 0, "\(id): \(opened.stderr)")
        }
        #expect(try team.box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        return (team, office, laptop)
    }

    @Test("every pair approves in either order, and the server holds both changes of each file", arguments: [false, true])
    func approvedInEitherOrder(reversed: Bool) throws {
        let (team, _, laptop) = try Self.team()
        let box = team.box
        let ids = Self.pairs.map(\.0)
        for id in reversed ? ids.reversed() : ids {
            let approved = try box.clinicctl(["review", "approve", id], as: Sandbox.reviewer, in: laptop)
            #expect(approved.status == 0, "approve \(id): \(approved.stderr)")
        }
        let hours = try box.gitOutput(["show", "main:content/hours/glenview.yaml"])
        #expect(hours.contains("days: [sat]\n    opens: \"09:00\"") && hours.contains("from: \"2027-12-24\""), "\(hours)")
        let categories = try box.gitOutput(["show", "main:content/categories.yaml"])
        #expect(categories.contains("id: insurance") && categories.contains("id: parking"), "\(categories)")
        let entry = try box.gitOutput(["show", "main:content/faq/what-is-dry-needling.md"])
        #expect(entry.contains("A thin needle eases a tight muscle.") && entry.contains("Una aguja fina"), "\(entry)")
        let merges = try box.gitOutput(["log", "--first-parent", "--format=%(trailers:key=Draft,valueonly)", "main"])
        #expect(Set(merges.split(separator: "\n").map(String.init)).isSuperset(of: ids), "\(merges)")
        let verify = try box.clinicctl(["verify"], as: Sandbox.reviewer, in: laptop)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test("both change Saturday: approve and review name the field with its three values; --take decides it as a new edit")
    func trueConflictIsDecidedWithTake() throws {
        let (team, office, laptop) = try Self.team()
        let box = team.box
        #expect(try box.clinicctl(["hours", "set", "glenview", "sat", "08:00-12:00", "--draft-name", "early"], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        #expect(try box.clinicctl(["review", "approve", "saturday"], as: Sandbox.reviewer, in: laptop).status == 0)
        #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)

        let words = "hours glenview · Saturday: was by appointment (By appointment); now published 09:00-13:00; this draft 08:00-12:00"
        let refused = try box.clinicctl(["review", "approve", "early"], as: Sandbox.reviewer, in: laptop)
        #expect(
            refused.status != 0 && refused.stderr.contains(words) && refused.stderr.contains("[hours/glenview:sat]"), "\(refused.stderr)")
        let shown = try box.clinicctl(["review", "show", "early"], as: Sandbox.reviewer, in: laptop)
        #expect(shown.stdout.contains(words), "\(shown.stdout)")
        let checked = try box.clinicctl(["drafts"], as: Sandbox.reviewer, in: laptop)
        #expect(checked.stdout.split(separator: "\n").contains { $0.hasPrefix("early") && $0.contains("conflicts") }, "\(checked.stdout)")

        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let before = try box.git(["rev-parse", "refs/heads/drafts/early"], in: office).stdout
        let unknown = try box.clinicctl(["draft", "update", "early", "--take", "draft", "hours/glenview:sun"], in: office)
        #expect(unknown.status != 0 && unknown.stderr.contains("the fields in conflict are hours/glenview:sat"), "\(unknown.stderr)")
        let open = try box.clinicctl(["draft", "update", "early"], in: office)
        #expect(open.status != 0 && open.stderr.contains(words), "\(open.stderr)")
        #expect(try box.git(["rev-parse", "refs/heads/drafts/early"], in: office).stdout == before, "a refused update changed the draft")

        let taken = try box.clinicctl(["draft", "update", "early", "--take", "draft", "hours/glenview:sat"], in: office)
        #expect(taken.status == 0 && taken.stdout.contains("hours glenview · Saturday: took this draft's 08:00-12:00"), "\(taken.stderr)")
        let sent = try box.clinicctl(["sync"], in: office)
        #expect(sent.status == 0 && sent.stdout.contains("draft early"), "\(sent.stdout)\(sent.stderr)")
        let fetched = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(fetched.status == 0 && fetched.stdout.contains("draft early"), "\(fetched.stdout)\(fetched.stderr)")
        #expect(
            try team.serverRef("refs/heads/drafts/early")
                == box.git(["rev-parse", "refs/heads/drafts/early"], in: office).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        let review = try box.clinicctl(["review", "show", "early"], as: Sandbox.reviewer, in: laptop)
        #expect(
            review.stdout.contains("hours glenview · Saturday: keep this draft's 08:00-12:00"),
            "\(review.stdout) after sync: \(fetched.stdout)")
        // The title says what the draft does now: the edit that decides Saturday, not the first one.
        #expect(review.stdout.hasPrefix("Draft early: hours glenview · Saturday: keep this draft's 08:00-12:00\n"), "\(review.stdout)")
        let approved = try box.clinicctl(["review", "approve", "early"], as: Sandbox.reviewer, in: laptop)
        #expect(approved.status == 0, "\(approved.stderr)")
        let hours = try box.gitOutput(["show", "main:content/hours/glenview.yaml"])
        #expect(hours.contains("days: [sat]\n    opens: \"08:00\"\n    closes: \"12:00\""), "\(hours)")
    }
}
