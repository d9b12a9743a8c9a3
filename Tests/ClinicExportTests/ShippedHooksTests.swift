import ClinicWebhook
import ClinicWorkflow
import Foundation
import Testing

@testable import ClinicExport

/// The built clinicctl, beside the test bundle (absent when only this target was built).
let clinicctlBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("clinicctl")

/// Whether the built clinicctl has `command` (the CLI registers commands separately).
func clinicctlHas(_ command: String) -> Bool {
    guard FileManager.default.isExecutableFile(atPath: clinicctlBinary.path) else { return false }
    return (try? run(clinicctlBinary.path, [command, "--help"]).status) == 0
}

/// PATH with the built clinicctl first, and an environment without Git's user config.
func toolEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = clinicctlBinary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    return environment.merging(extra) { $1 }
}

@Suite struct ShippedHooksTests {
    let hooks = packageRoot.appendingPathComponent("hooks")

    @Test(arguments: [
        ("10-webroot", "CLINIC_WEBROOT"), ("20-webhook", "CLINIC_WEBHOOK_URL"),
        ("30-google-business-profile", "CLINIC_GOOGLE_LOCATIONS"),
    ])
    func deployHooksSayTheySkipWhenUnconfigured(hook: String, variable: String) throws {
        // 77 is how a hook says "skipped" (hooks/README.md).
        let result = try run(
            "sh", [hooks.appendingPathComponent("publish.d/\(hook)").path],
            environment: ["PATH": "/usr/bin:/bin", "CLINICCTL_BUNDLE_DIR": "/nonexistent", "CLINICCTL_REVISION": "abc"])
        #expect(result.status == Publisher.skippedStatus)
        #expect(result.output == "skipped: \(variable) is not set\n")
    }

    @Test(arguments: [("10-mail", "CLINIC_NOTIFY_MAIL_TO"), ("20-webhook", "CLINIC_NOTIFY_WEBHOOK_URL")])
    func notifiersSayTheySkipWhenUnconfigured(notifier: String, variable: String) throws {
        let result = try run(
            "sh", [hooks.appendingPathComponent("notify.d/\(notifier)").path],
            environment: ["PATH": "/usr/bin:/bin", "CLINICCTL_EVENT": "approved"])
        #expect(result.status == Publisher.skippedStatus)
        #expect(result.output == "skipped: \(variable) is not set\n")
    }

    @Test func webrootSwapsCurrentAndKeepsTheLastFiveReleases() throws {
        try withTemporaryDirectory { dir in
            let webroot = dir.appendingPathComponent("www")
            var revisions: [String] = []
            for index in 0..<7 {
                let revision = String(format: "%040x", index + 1)
                revisions.append(revision)
                let bundle = try writeBundle(
                    BundleExporter().files(
                        for: richContent(), source: BundleSource(revision: revision, generatedAt: Date(timeIntervalSince1970: 0))), in: dir,
                    name: "b\(index)")
                let result = try run(
                    "sh", [hooks.appendingPathComponent("publish.d/10-webroot").path],
                    environment: [
                        "PATH": "/usr/bin:/bin", "CLINIC_WEBROOT": webroot.path,
                        "CLINICCTL_BUNDLE_DIR": bundle.path, "CLINICCTL_REVISION": revision,
                    ])
                #expect(result.status == 0, "\(result.output)")
                #expect(result.output.contains("current -> releases/\(revision)"))
                Thread.sleep(forTimeInterval: 0.01)
            }
            let current = webroot.appendingPathComponent("current")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: current.path) == "releases/\(revisions[6])")
            let manifest = try parseJSON(try Data(contentsOf: current.appendingPathComponent("manifest.json")))
            #expect(manifest["revision"] as? String == revisions[6])
            let kept = try FileManager.default.contentsOfDirectory(atPath: webroot.appendingPathComponent("releases").path).sorted()
            #expect(kept == Array(revisions.suffix(5)))
            #expect(try FileManager.default.contentsOfDirectory(atPath: webroot.path).sorted() == ["current", "releases"])
        }
    }

    @Test func publishWithTheShippedHooksFillsTheWebroot() throws {
        try withTemporaryDirectory { dir in
            var files: [String: String] = [:]
            for name in ["10-webroot", "20-webhook"] {
                files["hooks/publish.d/\(name)"] = try String(
                    contentsOf: hooks.appendingPathComponent("publish.d/\(name)"), encoding: .utf8)
            }
            let repoURL = try makeRepository(at: dir, files: files)
            let webroot = dir.appendingPathComponent("www")
            var lines: [String] = []
            let publisher = Publisher(environment: ["PATH": "/usr/bin:/bin", "CLINIC_WEBROOT": webroot.path], toolDirectory: nil)
            let result = try publisher.publish(repository: try openRepository(repoURL)) { lines.append($0) }
            #expect(lines.contains("[10-webroot] current -> releases/\(result.revision)"))
            #expect(lines.contains("[20-webhook] skipped: CLINIC_WEBHOOK_URL is not set"))
            let served = try Data(contentsOf: webroot.appendingPathComponent("current/bundle.json"))
            #expect(served == (try Data(contentsOf: URL(fileURLWithPath: result.bundleDirectory + "/bundle.json"))))
        }
    }

    @Test func webhookSignatureFollowsGitHubsScheme() {
        // The example from GitHub's "Validating webhook deliveries".
        #expect(
            WebhookDelivery.signature(of: Data("Hello, World!".utf8), secret: "It's a Secret to Everybody")
                == "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")
    }

    @Test func webhookIsAcceptedWhenSignedAndRefusedOtherwise() throws {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = [
            "python3", "-c",
            """
            import hashlib, hmac, http.server
            class Hook(http.server.BaseHTTPRequestHandler):
                def do_POST(self):
                    body = self.rfile.read(int(self.headers["Content-Length"]))
                    good = "sha256=" + hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
                    ok = hmac.compare_digest(self.headers.get("X-Clinicctl-Signature-256", ""), good) and body == b'{"a": 1}'
                    self.send_response(204 if ok else 401)
                    self.end_headers()
                    if not ok: self.wfile.write(b"bad signature")
                def log_message(self, *args): pass
            server = http.server.HTTPServer(("127.0.0.1", 0), Hook)
            print(server.server_port, flush=True)
            for _ in range(2): server.handle_request()
            """,
        ]
        let out = Pipe()
        server.standardOutput = out
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        var text = ""
        while !text.contains("\n") {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        let port = try #require(Int(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/hook"))
        let body = Data("{\"a\": 1}".utf8)
        #expect(try WebhookDelivery(url: url, secret: "s3cret", timeout: 10).send(body) == 204)
        let error = #expect(throws: WebhookError.self) {
            try WebhookDelivery(url: url, secret: "wrong", timeout: 10).send(body)
        }
        #expect(error?.status == 401 && error?.message == "bad signature")
    }

    @Test(.enabled(if: clinicctlHas("validate")))
    func preCommitRefusesStagedContentWithErrors() throws {
        try withTemporaryDirectory { dir in
            let repoURL = try makeRepository(at: dir)
            let environment = toolEnvironment()
            let gitArgs = ["-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "core.hooksPath=\(hooks.path)"]
            try writeFiles(
                ["content/faq/bad.md": "---\nid: bad\nquestion: Bad?\ncategory: nope\nposition: 5\n---\nHi <script>x</script>\n"],
                in: repoURL)
            try run("git", ["add", "-A"], in: repoURL, environment: environment)
            let refused = try run("git", gitArgs + ["commit", "-q", "-m", "Bad"], in: repoURL, environment: environment)
            #expect(refused.status != 0)
            #expect(refused.output.contains("content/faq/bad.md"), "\(refused.output)")
            #expect(refused.output.contains("pre-commit: the staged content has errors"))
            // The working tree may be broken; only what is staged counts.
            try run("git", ["rm", "-q", "--cached", "content/faq/bad.md"], in: repoURL, environment: environment)
            try writeFiles(["notes.txt": "fine\n"], in: repoURL)
            try run("git", ["add", "notes.txt"], in: repoURL, environment: environment)
            let accepted = try run("git", gitArgs + ["commit", "-q", "-m", "Good"], in: repoURL, environment: environment)
            #expect(accepted.status == 0, "\(accepted.output)")
        }
    }

    @Test(.enabled(if: clinicctlHas("publish") && clinicctlHas("hooks")))
    func postReceivePublishesWhenThePublishedBranchMoves() throws {
        try withTemporaryDirectory { dir in
            let work = try makeRepository(
                at: dir,
                files: [
                    "hooks/post-receive": try String(contentsOf: hooks.appendingPathComponent("post-receive"), encoding: .utf8),
                    "hooks/publish.d/10-mark": "#!/bin/sh\necho \"$CLINICCTL_REVISION\" > \"$OUT/published\"\n",
                ])
            let bare = dir.appendingPathComponent("server.git")
            try git(["clone", "-q", "--bare", work.path, bare.path], in: dir)
            let environment = toolEnvironment(["OUT": dir.path])
            let install = try run(clinicctlBinary.path, ["hooks", "install", "--repo", bare.path], environment: environment)
            #expect(install.status == 0, "\(install.output)")
            let new = try commitFiles(["notes.txt": "x\n"], in: work, message: "Second")
            try run("git", ["push", "-q", bare.path, "HEAD:refs/heads/side"], in: work, environment: environment)
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("published").path), "other branches do not publish")
            let push = try run("git", ["push", bare.path, "HEAD:refs/heads/main"], in: work, environment: environment)
            #expect(push.status == 0, "\(push.output)")
            #expect(push.output.contains("[10-mark]") || push.output.contains("Deployed"), "\(push.output)")
            let published = try String(contentsOf: dir.appendingPathComponent("published"), encoding: .utf8)
            #expect(published.trimmingCharacters(in: .whitespacesAndNewlines) == new.hex)
            #expect(try git(["--git-dir", bare.path, "rev-parse", ContentRepository.deployedRef], in: dir) == new.hex)
        }
    }
}
