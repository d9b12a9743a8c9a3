import ClinicWebhook
import ClinicWorkflow
import Foundation
import Testing
import WebhookCommandLine

@testable import ClinicExport

/// The notifiers in hooks/notify.d, run by the library as the server's post-receive runs them.
@Suite struct NotifierTests {
    static let time = Date(timeIntervalSince1970: 1_790_000_000)
    static let rita = Person(name: "Rita Reviewer", email: "rita@clinic.example")
    /// Appends its variables, then the event it was given, to $OUT/log.
    static let recorder = """
        #!/bin/sh
        printf '%s|%s|%s|%s\\n' "$CLINICCTL_EVENT" "$CLINICCTL_DRAFT" "$CLINICCTL_BY" "$CLINICCTL_TIME" >> "$OUT/log"
        cat >> "$OUT/log"

        """

    func opened(_ repo: URL) throws -> ContentRepository {
        try ContentRepository.open(repo.path, environment: WorkEnvironment(now: { Self.time }, variables: [:]))
    }

    func events(at revision: Revision) -> [ClinicEvent] {
        [
            ClinicEvent(
                kind: .rejected, draft: "faq-parking", title: "FAQ: add \"Can I park?\"", by: Self.rita, reason: "Ask Jo.\nThanks.",
                revision: revision, time: Self.time),
            ClinicEvent(kind: .deployed, revision: revision, time: Self.time),
        ]
    }

    @Test func eachNotifierGetsEachEventAsJSONAndAFailureStopsNothing() throws {
        try withTemporaryDirectory { dir in
            let repo = try makeRepository(
                at: dir,
                files: [
                    "hooks/notify.d/05-fail": "#!/bin/sh\necho 'cannot reach the pager'\nexit 3\n",
                    "hooks/notify.d/07-skip": "#!/bin/sh\necho 'skipped: PAGER_URL is not set'\nexit 77\n",
                    "hooks/notify.d/10-record": Self.recorder,
                    "hooks/notify.d/.hidden": "#!/bin/sh\ntouch \"$OUT/hidden-ran\"\n",
                    "hooks/notify.d/README.md": "not a notifier\n",
                ])
            let repository = try opened(repo)
            let tip = try repository.publishedRevision()
            var lines: [String] = []
            let runs = Notifiers(environment: ["PATH": "/usr/bin:/bin", "OUT": dir.path], toolDirectory: nil)
                .notify(events(at: tip), repository: repository, timeout: .seconds(20)) { lines.append($0) }
            #expect(runs.map(\.notifier) == ["05-fail", "07-skip", "10-record", "05-fail", "07-skip", "10-record"])
            #expect(runs.map(\.outcome) == [.failed(status: 3), .skipped, .delivered, .failed(status: 3), .skipped, .delivered])
            #expect(lines.first == "Notifying 05-fail, 07-skip, 10-record: rejected (draft faq-parking), deployed (\(tip.short))")
            #expect(lines.contains("[notify.d/05-fail] cannot reach the pager"))
            #expect(
                lines.contains(
                    "notifier 05-fail rejected (draft faq-parking) failed with exit status 3; the push stands; the other notifiers and events still run"
                ))
            #expect(lines.last == "notify.d/07-skip skipped 2 of 2 events: skipped: PAGER_URL is not set")
            #expect(!lines.contains { $0.contains("PAGER_URL") && $0.hasPrefix("[notify.d/07-skip]") }, "a skip is said once")

            let log = try String(contentsOf: dir.appendingPathComponent("log"), encoding: .utf8).split(separator: "\n").map(String.init)
            #expect(log.count == 4)
            #expect(log[0] == "rejected|faq-parking|Rita Reviewer <rita@clinic.example>|2026-09-21T14:13:20Z")
            #expect(log[2] == "deployed|||2026-09-21T14:13:20Z")
            let rejected = try parseJSON(Data(log[1].utf8))
            #expect(Set(rejected.keys) == ["event", "draft", "title", "by", "reason", "note", "revision", "previousRevision", "time"])
            #expect(rejected["event"] as? String == "rejected")
            #expect(rejected["reason"] as? String == "Ask Jo.\nThanks.")
            #expect(rejected["by"] as? [String: String] == ["name": "Rita Reviewer", "email": "rita@clinic.example"])
            #expect(rejected["revision"] as? String == tip.hex)
            #expect(rejected["time"] as? String == "2026-09-21T14:13:20Z")
            #expect(rejected["note"] is NSNull && rejected["previousRevision"] is NSNull)
            let deployed = try parseJSON(Data(log[3].utf8))
            #expect(deployed["event"] as? String == "deployed" && deployed["draft"] is NSNull)
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("hidden-ran").path))
        }
    }

    @Test func aNotifierMergedWithoutAcceptingHooksDoesNotRun() throws {
        try withTemporaryDirectory { dir in
            let repo = try makeRepository(at: dir)
            try git(["checkout", "-q", "-b", "side"], in: repo)
            try commitFiles(["hooks/notify.d/10-record": Self.recorder], in: repo, message: "Add a notifier")
            try git(["checkout", "-q", "main"], in: repo)
            try git(["merge", "-q", "--no-ff", "-m", "Merge side", "side"], in: repo)
            let repository = try opened(repo)
            var lines: [String] = []
            let runs = Notifiers(environment: ["PATH": "/usr/bin:/bin", "OUT": dir.path], toolDirectory: nil)
                .notify(events(at: try repository.publishedRevision()), repository: repository, timeout: .seconds(20)) { lines.append($0) }
            #expect(runs.isEmpty)
            #expect(lines.count == 1)
            #expect(lines.first?.hasPrefix("Not running notifier 10-record: the change that published ") == true)
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("log").path))
        }
    }

    @Test func aLongEventIsCutToFitWhatAHookIsGiven() throws {
        let revision = try #require(Revision(hex: String(repeating: "ab", count: 20)))
        let long = ClinicEvent(
            kind: .rejected, draft: "faq-x", reason: String(repeating: "é\u{1}", count: 30_000), revision: revision, time: Self.time)
        let (told, document) = try NotifierInput.document(long)
        #expect(document.count <= NotifierInput.largestDocument + 1)
        #expect(told.reason?.hasSuffix("… (cut)") == true)
        let read = try parseJSON(document)
        #expect(read["reason"] as? String == told.reason && read["draft"] as? String == "faq-x")
        let short = try NotifierInput.document(events(at: revision)[0])
        #expect(short.event == events(at: revision)[0], "what fits is sent whole")
    }

    @Test func postReceiveFindsItsRepositoryAndPassesNoGitVariablesOn() throws {
        #expect(PostReceive.repositoryFolder(environment: ["GIT_DIR": "."], currentDirectory: "/srv/clinic.git") == "/srv/clinic.git")
        #expect(PostReceive.repositoryFolder(environment: ["GIT_DIR": "/srv/a.git"], currentDirectory: "/tmp") == "/srv/a.git")
        #expect(PostReceive.repositoryFolder(environment: [:], currentDirectory: "/srv/b.git") == "/srv/b.git")
        let hook = PostReceive(
            environment: [
                "GIT_DIR": ".", "GIT_QUARANTINE_PATH": "/q", "GIT_OBJECT_DIRECTORY": "/o", "PATH": "/bin", "CLINIC_WEBROOT": "/w",
            ],
            toolDirectory: nil)
        #expect(hook.publisher.environment == ["PATH": "/bin", "CLINIC_WEBROOT": "/w"])
        #expect(hook.notifiers.environment == ["PATH": "/bin", "CLINIC_WEBROOT": "/w"])
    }

    @Test func aFailedPublishIsTheHooksOnlyFailureAndTheNotifiersStillRun() throws {
        try withTemporaryDirectory { dir in
            let repo = try makeRepository(
                at: dir, files: ["hooks/publish.d/10-fail": "#!/bin/sh\nexit 4\n", "hooks/notify.d/10-record": Self.recorder])
            let old = try opened(repo).publishedRevision()
            try git(["checkout", "-q", "-b", "drafts/parking"], in: repo)
            let draft = try commitFiles(["notes.txt": "parking\n"], in: repo, message: "Say where to park")
            try git(["checkout", "-q", "main"], in: repo)
            let new = try commitFiles(["notes.txt": "main\n"], in: repo, message: "Not an approval")
            let zero = String(repeating: "0", count: 40)
            let updates = try ["\(old.hex) \(new.hex) refs/heads/main", "\(zero) \(draft.hex) refs/heads/drafts/parking"].map {
                try #require(ProposedUpdate(line: $0))
            }
            var lines: [String] = []
            var failures: [String] = []
            let failure = PostReceive(environment: ["PATH": "/usr/bin:/bin", "OUT": dir.path], toolDirectory: nil)
                .run(updates, repository: try opened(repo)) {
                    lines.append($0)
                } failed: {
                    failures.append("\($0)")
                }
            #expect((failure as? PublishError)?.code == .hookFailed)
            #expect(
                failures == [
                    "deploy hook 10-fail failed with exit status 4; nothing is recorded as deployed. Fix the cause and run `clinicctl publish` again"
                ])
            #expect(lines.first == "post-receive: main moved from \(old.hex) to \(new.hex); publishing")
            #expect(lines.contains("Notifying 10-record: draftPushed (draft parking)"), "\(lines)")
            let log = try String(contentsOf: dir.appendingPathComponent("log"), encoding: .utf8).split(separator: "\n")
            #expect(log.count == 2, "one event: the draft; no approval, no deployment")
            #expect(log.first == "draftPushed|parking|T <t@example.com>|2026-09-21T14:13:20Z")
        }
    }

    @Test func anEventHeaderIsOneWordOrNothingIsSent() throws {
        for check in [WebhookDelivery.isEventName, WebhookEvent.isName] {
            #expect(ClinicEvent.Kind.allCases.allSatisfy { check($0.rawValue) } && check("publish"))
            #expect(!check("") && !check("approved\r\nX-Evil: 1") && !check("apprové") && !check(String(repeating: "a", count: 65)))
        }
        let url = try #require(URL(string: "http://127.0.0.1:9/never"))
        let error = #expect(throws: WebhookError.self) { try WebhookDelivery(url: url, secret: "s").send(Data(), event: "a b") }
        #expect(error?.status == nil && error?.message == "\"a b\" is not an event name; nothing was sent")
    }
}
