import Foundation
import Testing

/// `clinicctl live` and the deployment line of `status`, through the built binary.
@Suite("what is live now")
struct LiveCommandTests {
    /// The ISO 8601 time of a JSON field, checked to carry Chicago's offset at that moment.
    func expectChicagoTime(_ value: Any?, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = value as? String ?? ""
        let date = ISO8601DateFormatter().date(from: text)
        let offset = date.map { TimeZone(identifier: "America/Chicago")!.secondsFromGMT(for: $0) / 3600 } ?? 0
        #expect(date != nil && text.hasSuffix(String(format: "-%02d:00", -offset)), "\(text)", sourceLocation: sourceLocation)
    }

    @Test("live names the deployed revision, when and by which hooks, and the approved drafts not deployed yet")
    func deployedAndWaiting() throws {
        let box = try Sandbox()
        let never = try box.clinicctl(["live"])
        #expect(never.status == 0 && never.stdout.contains("nothing was deployed yet"), "\(never.stdout)\(never.stderr)")

        try box.plainGitDraft("sneaky") { _ in try box.addSneakyHook() }
        #expect(try box.clinicctl(["review", "show", "sneaky"], as: Sandbox.reviewer).status == 0)
        let approve = try box.clinicctl(["review", "approve", "sneaky", "--accept", "hooks"], as: Sandbox.reviewer)
        #expect(approve.status == 0, "\(approve.stderr)")
        let deployed = try box.gitOutput(["rev-parse", "refs/clinicctl/deployed"])

        #expect(try box.clinicctl(["hours", "set", "glenview", "sat", "09:00-13:00"]).status == 0)
        #expect(try box.clinicctl(["review", "show", "hours-glenview"], as: Sandbox.reviewer).status == 0)
        let waiting = try box.clinicctl(["review", "approve", "hours-glenview", "--no-publish"], as: Sandbox.reviewer)
        #expect(waiting.status == 0, "\(waiting.stderr)")
        let merge = try box.gitOutput(["rev-parse", "main"])

        let live = try box.clinicctl(["live"])
        #expect(live.status == 0, "\(live.stderr)")
        #expect(live.stdout.contains("Live: \(deployed.prefix(7))"), "\(live.stdout)")
        #expect(live.stdout.contains("by hooks 05-sneaky"), "\(live.stdout)")
        #expect(live.stdout.range(of: #"deployed \d{4}-\d\d-\d\d \d\d:\d\d C[SD]T"#, options: .regularExpression) != nil, "\(live.stdout)")
        let line = live.stdout.split(separator: "\n").first { $0.contains(merge.prefix(7)) } ?? ""
        #expect(line.contains("hours-glenview") && line.contains("approved by Rita Reviewer"), "\(live.stdout)")

        let json = try decodeJSON(try box.clinicctl(["live", "--json"])) as? [String: Any]
        #expect(json?["deployed"] as? String == deployed)
        #expect(json?["upToDate"] as? Bool == false)
        let deployment = json?["deployment"] as? [String: Any]
        #expect(deployment?["hooks"] as? [String] == ["05-sneaky"])
        expectChicagoTime(deployment?["deployedAt"])
        let first = (json?["waiting"] as? [[String: Any]])?.first
        #expect(first?["revision"] as? String == merge && first?["draft"] as? String == "hours-glenview")
        expectChicagoTime(first?["approvedAt"])

        let status = try box.clinicctl(["status"])
        #expect(status.stdout.contains("by hooks 05-sneaky"), "\(status.stdout)")
    }

    @Test("a repository deployed before clinicctl noted deployments still reads, saying what is not known")
    func olderRecord() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(["publish"]).status == 0)
        try FileManager.default.removeItem(at: box.repo.appendingPathComponent(".git/clinicctl/deployment.json"))
        let before = try box.snapshot()
        let live = try box.clinicctl(["live"])
        #expect(live.status == 0, "\(live.stderr)")
        #expect(live.stdout.contains("not recorded") && live.stdout.contains("Up to date with main"), "\(live.stdout)")
        #expect(try box.clinicctl(["status"]).stdout.contains("not recorded"))
        #expect(try box.snapshot() == before)
    }
}
