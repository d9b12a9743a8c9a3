import Foundation
import Testing

/// Issue 25, item 2: when the server's publish fails, the approver hears it from the server, and
/// every clone's `status` and `live` say it until a publish works again.
@Suite("Team: a failed publish on the server reaches the approver")
struct TeamSyncPublishFailureTests {
    /// The exit status of an approval the server took but could not publish (Failure.serverCouldNotPublish).
    static let couldNotPublish: Int32 = 3

    @Test("review approve and sync say the server could not publish, in its words, with status 3; a later good publish clears it")
    func aFailedServerPublishIsReportedUntilOneWorks() throws {
        // The web root's parent is a file: the deploy hook's `mkdir -p` fails, whoever the server runs as.
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("clinicctl-blocker-\(UUID().uuidString)")
        try Data("not a folder\n".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let webRoot = blocker.appendingPathComponent("webroot")
        let team = try TeamSyncLiveTests.publishingTeam(serverEnvironment: ["CLINIC_WEBROOT": webRoot.path])
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["social", "remove", "Instagram", "--draft-name", "social"], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)

        let approve = try box.clinicctl(["review", "approve", "faq-do-you-take-insurance"], as: Sandbox.reviewer, in: laptop)
        #expect(approve.status == Self.couldNotPublish, "\(approve.stdout) \(approve.stderr)")
        let main = try team.serverRef("refs/heads/main")
        #expect(approve.stdout.contains("Approved draft faq-do-you-take-insurance: main is now \(main.prefix(7))"), "\(approve.stdout)")
        let words =
            "error: the server could not publish: deploy hook 10-webroot failed with exit status 1; nothing is recorded as deployed. "
            + "Fix the cause and run `clinicctl publish` again [10-webroot: mkdir: cannot create directory"
        #expect(approve.stderr.contains(words), "\(approve.stderr)")
        #expect(approve.stderr.contains("Not a directory]"), "\(approve.stderr)")
        #expect(approve.stderr.contains("The approval stands on the server"), "\(approve.stderr)")
        #expect(!approve.stdout.contains("Live on the website"), "\(approve.stdout)")
        #expect(try box.git(["rev-parse", "main"], in: laptop).stdout.hasPrefix(main), "the approval stands here too")
        // The server's own record of it, which every clone fetches.
        let record = try box.git(["--git-dir", box.repo.path, "show", "refs/clinicctl/publish-failure:publish-failure.json"]).stdout
        #expect(record.contains("\"revision\" : \"\(main)\"") && record.contains("\"hook\" : \"10-webroot\""), "\(record)")

        // An approval sent by sync hears the same.
        #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)
        #expect(try box.clinicctl(["review", "approve", "social", "--local"], as: Sandbox.reviewer, in: laptop).status == 0)
        let synced = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(synced.status == Self.couldNotPublish, "\(synced.stdout) \(synced.stderr)")
        #expect(synced.stdout.contains("main: pushed"), "\(synced.stdout)")
        #expect(synced.stderr.contains("error: the server could not publish: deploy hook 10-webroot failed with exit status 1"))
        let second = try team.serverRef("refs/heads/main")
        #expect(second != main)

        // Another computer learns it at its next sync.
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let failedLine = "Publishing failed on the server (origin) at "
        let status = try box.clinicctl(["status"], in: office)
        #expect(status.stdout.contains(failedLine), "\(status.stdout)")
        #expect(status.stdout.contains(", for \(second.prefix(7)): deploy hook 10-webroot failed with exit status 1"), "\(status.stdout)")
        #expect(status.stdout.contains("Deployed: never"), "\(status.stdout)")
        let live = try box.clinicctl(["live"], in: office)
        #expect(live.stdout.contains(failedLine) && live.stdout.contains("Live: nothing was deployed yet"), "\(live.stdout)")
        let json = try decodeJSON(try box.clinicctl(["status", "--json"], in: office)) as? [String: Any]
        let failure = json?["publishFailure"] as? [String: Any]
        #expect(failure?["revision"] as? String == second && failure?["hook"] as? String == "10-webroot", "\(json ?? [:])")
        #expect(failure?["recordedBy"] as? String == "origin")

        // The web root can be made now: the next approval goes live, and the failure is over everywhere.
        try FileManager.default.removeItem(at: blocker)
        #expect(try box.clinicctl(["hours", "set", "glenview", "sat", "9am-1pm", "--draft-name", "saturday"], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)
        let good = try box.clinicctl(["review", "approve", "saturday"], as: Sandbox.reviewer, in: laptop)
        #expect(good.status == 0, "\(good.stdout) \(good.stderr)")
        let third = try team.serverRef("refs/heads/main")
        #expect(good.stdout.contains("Live on the website since "), "\(good.stdout)")
        #expect(good.stdout.contains("(\(third.prefix(7)), by 10-webroot), as the server recorded it."), "\(good.stdout)")
        #expect(!good.stderr.contains("could not publish"), "\(good.stderr)")
        let served = try FileManager.default.destinationOfSymbolicLink(atPath: webRoot.appendingPathComponent("current").path)
        #expect(served == "releases/\(third)")
        let cleared = try box.git(["--git-dir", box.repo.path, "show", "refs/clinicctl/publish-failure:publish-failure.json"])
        #expect(cleared.status != 0, "the record's tip holds no failure")
        let history = try box.git(["--git-dir", box.repo.path, "log", "--format=%s", "refs/clinicctl/publish-failure"]).stdout
        #expect(
            history
                == "clinicctl publish: published \(third.prefix(7)); the failure before is over\n"
                + "clinicctl publish: failed to publish \(second.prefix(7))\nclinicctl publish: failed to publish \(main.prefix(7))\n")
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let after = try box.clinicctl(["status"], in: office)
        #expect(!after.stdout.contains("Publishing failed"), "\(after.stdout)")
        #expect(after.stdout.contains("Deployed: \(third.prefix(7)) (up to date), as the server (origin) recorded it"), "\(after.stdout)")
    }

    @Test("a plain git push shows the server's one failure line as a remote: line")
    func plainGitSeesTheFailureLine() throws {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("clinicctl-blocker-\(UUID().uuidString)")
        try Data("not a folder\n".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let team = try TeamSyncLiveTests.publishingTeam(serverEnvironment: ["CLINIC_WEBROOT": blocker.appendingPathComponent("w").path])
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        #expect(
            try box.clinicctl(["review", "approve", "faq-do-you-take-insurance", "--local"], as: Sandbox.reviewer, in: laptop).status == 0)
        let pushed = try box.git(["push", "origin", "main"], in: laptop)
        #expect(pushed.status == 0, "the push itself stands: \(pushed.stderr)")
        let lines = pushed.stderr.split(separator: "\n").filter { $0.hasPrefix("remote: clinicctl server: publish failed: ") }
        #expect(lines.count == 1, "\(pushed.stderr)")
        #expect(lines.first?.contains("deploy hook 10-webroot failed with exit status 1") == true, "\(pushed.stderr)")
    }
}
