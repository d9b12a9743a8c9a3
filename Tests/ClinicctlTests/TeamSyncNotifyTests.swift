import Foundation
import Testing

@Suite("Team: the server tells its notifiers what each push did")
struct TeamSyncNotifyTests {
    /// Appends each event it is given (one JSON line) to $NOTIFY_LOG, and its variables to $NOTIFY_LOG.env.
    static let recorder = """
        #!/bin/sh
        cat >> "$NOTIFY_LOG"
        printf '%s %s\\n' "$CLINICCTL_EVENT" "$CLINICCTL_DRAFT" >> "$NOTIFY_LOG.env"

        """

    /// The events the recorder got, in order.
    func recorded(_ log: URL) throws -> [[String: Any]] {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// 05-fail fails on every event; 06-hang hangs past its time on the change and the rejection.
    @Test func eachActionIsOneEventAndAFailingOrHangingNotifierLosesNothing() throws {
        let started = Date(timeIntervalSinceNow: -1)
        let team = try Team()
        let box = team.box
        let log = box.root.appendingPathComponent("events.jsonl")
        // The server's own setting, never the push's: each notifier gets three seconds per event.
        #expect(try box.git(["config", "clinicctl.notifySeconds", "3"]).status == 0)
        // The published branch ships post-receive (committed before the server's check is installed).
        try box.shipPublishHooks(["hooks/post-receive"])
        #expect(try box.clinicctl(["hooks", "install", "--server", "--repo", box.repo.path], in: box.root).status == 0)

        // The notifiers reach the published branch as any hook does: a draft, approved with --accept hooks.
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.git(["checkout", "-q", "-b", "drafts/notifiers", "main"], in: office).status == 0)
        let scripts = [
            "05-fail": "#!/bin/sh\necho 'the pager is down' >&2\nexit 1\n",
            "06-hang": "#!/bin/sh\ncase $CLINICCTL_EVENT in draftChanged | rejected) sleep 60 ;; esac\n",
            "10-record": Self.recorder.replacingOccurrences(of: "$NOTIFY_LOG", with: log.path),
        ]
        for (name, script) in scripts {
            let file = office.appendingPathComponent("hooks/notify.d/\(name)")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(script.utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
            #expect(try box.git(["add", "hooks/notify.d/\(name)"], in: office).status == 0)
        }
        let identity = ["-c", "user.name=Olivia Office", "-c", "user.email=office@clinic.example"]
        #expect(try box.git(identity + ["commit", "-qm", "Add notifiers"], in: office).status == 0)
        #expect(try box.git(["push", "-q", "origin", "drafts/notifiers"], in: office).status == 0)
        #expect(try box.git(["checkout", "-q", "main"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let accepted = try box.clinicctl(
            ["review", "approve", "notifiers", "--accept", "hooks", "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let notifiersApproved = try team.serverRef("refs/heads/main")

        // A new draft, sent by sync.
        let insurance = "faq-do-you-take-insurance"
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        // It changes, and plain git shows what the server says: each failure a `remote:` line, the push accepted.
        #expect(try box.clinicctl(["hours", "set", "glenview", "sat", "9am-1pm", "--draft", insurance], in: office).status == 0)
        let changed = try box.git(["push", "origin", "drafts/\(insurance)"], in: office)
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(
            changed.stderr.contains(
                "remote: notifier 05-fail draftChanged (draft \(insurance)) failed with exit status 1; the push stands; the other notifiers and events still run"
            ), "\(changed.stderr)")
        #expect(changed.stderr.contains("remote: [notify.d/05-fail] the pager is down"))
        #expect(
            changed.stderr.contains(
                "remote: notifier 06-hang draftChanged (draft \(insurance)) was still running after 3s (git config clinicctl.notifySeconds) and was stopped"
            ), "\(changed.stderr)")
        let changedTip = try team.serverRef("refs/heads/drafts/\(insurance)")
        // Another draft, which Rita rejects with a reason; then she approves the first.
        let parking = "faq-can-i-park-at-the-clinic"
        #expect(try box.clinicctl(["faq", "add", "--question", "Can I park at the clinic?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)
        let reason = "We have no car park.\nName the garage on Elm Street."
        let rejected = try box.clinicctl(["review", "reject", parking, "--reason", reason], as: Sandbox.reviewer, in: laptop)
        #expect(rejected.status == 0, "\(rejected.stderr)")
        let noted = try box.clinicctl(["draft", "note", insurance, "approve on Jan 11"], as: Sandbox.reviewer, in: laptop)
        #expect(noted.status == 0 && noted.stderr.isEmpty, "\(noted.stderr)")
        let approved = try box.clinicctl(["review", "approve", insurance, "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(approved.status == 0, "\(approved.stderr)")
        let main = try team.serverRef("refs/heads/main")

        let events = try recorded(log)
        let kinds = events.map { "\($0["event"] as? String ?? "?") \($0["draft"] as? String ?? "-")" }
        #expect(
            kinds == [
                "approved notifiers", "deployed -", "draftPushed \(insurance)", "draftChanged \(insurance)", "draftPushed \(parking)",
                "rejected \(parking)", "note \(insurance)", "approved \(insurance)", "deployed -",
            ], "one event per action, none lost")
        let variables = try String(contentsOf: URL(fileURLWithPath: log.path + ".env"), encoding: .utf8)
        #expect(variables == kinds.map { $0.replacingOccurrences(of: " -", with: " ") + "\n" }.joined(), "CLINICCTL_EVENT and _DRAFT")
        guard events.count == 9 else { return }
        func person(_ event: [String: Any]) -> String? { (event["by"] as? [String: String]).map { "\($0["name"]!) <\($0["email"]!)>" } }
        #expect(person(events[0]) == Sandbox.reviewer && events[0]["revision"] as? String == notifiersApproved)
        #expect(events[1]["revision"] as? String == notifiersApproved && events[1]["previousRevision"] is NSNull)
        #expect(person(events[2]) == Sandbox.manager && events[2]["title"] as? String == "FAQ: add \"Do you take insurance?\"")
        #expect(person(events[3]) == Sandbox.manager && events[3]["revision"] as? String == changedTip)
        #expect(events[3]["previousRevision"] as? String == events[2]["revision"] as? String)
        #expect(person(events[5]) == Sandbox.reviewer && events[5]["reason"] as? String == reason)
        #expect(person(events[6]) == Sandbox.reviewer && events[6]["note"] as? String == "approve on Jan 11")
        #expect(events[6]["previousRevision"] as? String == changedTip && events[6]["title"] as? String == events[3]["title"] as? String)
        #expect(person(events[7]) == Sandbox.reviewer && events[7]["revision"] as? String == main)
        #expect(events[8]["revision"] as? String == main && events[8]["previousRevision"] as? String == notifiersApproved)
        let finished = Date(timeIntervalSinceNow: 1)
        let times = events.compactMap { ($0["time"] as? String).flatMap(ISO8601DateFormatter().date(from:)) }
        #expect(times.count == 9 && times.allSatisfy { started <= $0 && $0 <= finished } && times == times.sorted())
        #expect(try team.serverRef("refs/clinicctl/deployed") == main, "the failing notifiers changed nothing")
    }
}
