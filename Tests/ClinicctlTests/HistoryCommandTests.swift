import Foundation
import Testing

/// `clinicctl history ENTRY --field F`, and times in the clinic's zone, through the built binary.
@Suite("history of one field")
struct HistoryCommandTests {
    /// Glenview's Saturday, then its Monday, each approved.
    func sandbox() throws -> (Sandbox, saturday: String, monday: String) {
        let box = try Sandbox()
        var approvals: [String] = []
        for (day, hours) in [("sat", "09:00-13:00"), ("mon", "08:00-18:00")] {
            #expect(try box.clinicctl(["hours", "set", "glenview", day, hours]).status == 0)
            #expect(try box.clinicctl(["review", "show", "hours-glenview"], as: Sandbox.reviewer).status == 0)
            let approve = try box.clinicctl(["review", "approve", "hours-glenview", "--no-publish"], as: Sandbox.reviewer)
            #expect(approve.status == 0, "\(approve.stderr)")
            approvals.append(try box.gitOutput(["rev-parse", "--short=7", "main"]))
        }
        return (box, approvals[0], approvals[1])
    }

    @Test("--limit N shows the newest N changes of the entry; a limit under 1 is a usage error")
    func limit() throws {
        let (box, saturday, monday) = try sandbox()
        let newest = try box.clinicctl(["history", "hours", "glenview", "--limit", "1"])
        #expect(newest.status == 0, "\(newest.stderr)")
        #expect(newest.stdout.contains(monday) && !newest.stdout.contains(saturday), "\(newest.stdout)")
        let both = try box.clinicctl(["history", "hours", "glenview", "--limit", "2"])
        #expect(both.stdout.contains(monday) && both.stdout.contains(saturday), "\(both.stdout)")
        let refused = try box.clinicctl(["history", "--limit", "0"])
        #expect(refused.status == 64 && refused.stderr.contains("--limit must be at least 1"), "\(refused.stderr)")
    }

    @Test("--field shows only the approvals that changed that day, with its old and new value, times in the clinic's zone")
    func saturday() throws {
        let (box, saturday, monday) = try sandbox()
        for day in ["sat", "Saturday", "SAT"] {
            let run = try box.clinicctl(["history", "hours", "glenview", "--field", day])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains(saturday) && !run.stdout.contains(monday), "\(run.stdout)")
            #expect(run.stdout.contains(#"Sat: "by appointment (By appointment)" → "09:00-13:00""#), "\(run.stdout)")
            #expect(!run.stdout.contains("Mon:"), "\(run.stdout)")
        }
        let all = try box.clinicctl(["history"])
        let times = all.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(!times.isEmpty)
        for line in times {
            #expect(line.range(of: #"^\d{4}-\d\d-\d\d \d\d:\d\d C[SD]T  "#, options: .regularExpression) != nil, "\(line)")
        }

        let json = try decodeJSON(try box.clinicctl(["history", "hours", "glenview", "--field", "sat", "--json"])) as? [[String: Any]]
        #expect((json?.first?["commit"] as? String)?.hasPrefix(saturday) == true)
        #expect(json?.contains { ($0["commit"] as? String)?.hasPrefix(monday) == true } == false)
        let time = json?.first?["time"] as? String ?? ""
        let date = ISO8601DateFormatter().date(from: time)
        let hours = date.map { TimeZone(identifier: "America/Chicago")!.secondsFromGMT(for: $0) / 3600 } ?? 0
        #expect(date != nil && time.hasSuffix(String(format: "-%02d:00", -hours)), "\(time)")
    }

    @Test("an unknown field or entry is refused naming the choices; --field without an entry is a usage error; nothing is written")
    func refusals() throws {
        let (box, _, _) = try sandbox()
        let before = try box.snapshot()
        let field = try box.clinicctl(["history", "hours", "glenview", "--field", "lunch"])
        #expect(field.status == 1 && field.stdout.isEmpty)
        #expect(field.stderr.contains("no field \"lunch\"") && field.stderr.contains("Sat"), "\(field.stderr)")
        let entry = try box.clinicctl(["history", "hours", "glenveiw", "--field", "sat"])
        #expect(entry.status == 1 && entry.stdout.isEmpty)
        #expect(entry.stderr.contains("glenview, the-loop"), "\(entry.stderr)")
        let usage = try box.clinicctl(["history", "--field", "sat"])
        #expect(usage.status == 64, "\(usage.stderr)")
        #expect(try box.snapshot() == before)
    }
}
