import Foundation
import Testing

/// What clinicctl deletes and what it sends (issue 15, items 4-6).
@Suite("hardening: what is deleted and sent")
struct HardeningOutputTests {
    @Test("a social link a browser reads as another host is refused and nothing is written")
    func socialHostBypass() throws {
        let box = try Sandbox()
        let before = try box.snapshot()
        let add = try box.clinicctl(["social", "add", "facebook", #"https://evil.example\@www.facebook.com/jasonthept"#])
        #expect(add.status != 0)
        #expect(add.stderr.contains("error:"))
        #expect(try box.snapshot() == before)
    }

    @Test("export --out . inside a repository is refused and deletes nothing; a previous bundle is replaced")
    func exportReplacesOnlyABundle() throws {
        let box = try Sandbox()
        let before = try box.snapshot()
        let export = try box.clinicctl(["export", "--out", "."])
        #expect(export.status != 0)
        #expect(export.stderr.contains("is not a previous bundle"), "\(export.stderr)")
        #expect(FileManager.default.fileExists(atPath: box.repo.appendingPathComponent(".git/HEAD").path))
        #expect(try box.snapshot() == before)

        let out = box.root.appendingPathComponent("dist")
        #expect(try box.clinicctl(["export", "--out", out.path]).status == 0)
        #expect(try box.clinicctl(["export", "--out", out.path]).status == 0, "a previous bundle is replaced")
        try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
        #expect(try box.clinicctl(["export", "--out", out.path]).status != 0)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("notes.txt").path))
    }

    @Test("a webhook answering 307 is a failure that shows the Location; the signature is sent once, to the configured URL")
    func webhookNeverFollowsRedirects() throws {
        let box = try Sandbox()
        let log = box.root.appendingPathComponent("requests.log")
        let server = try redirectingServer(log: log, in: box.root)
        defer { server.stop() }
        let body = box.root.appendingPathComponent("manifest.json")
        try Data("{}".utf8).write(to: body)
        let send = try box.clinicctl(
            ["deploy", "webhook", "--url", "http://127.0.0.1:\(server.port)/hook", "--secret-env", "HOOK_SECRET", "--file", body.path],
            environment: ["HOOK_SECRET": "s3cret"])
        #expect(send.status != 0)
        #expect(send.stderr.contains("307") && send.stderr.contains("/elsewhere"), "\(send.stderr)")
        let requests = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(requests.count == 1 && requests[0].hasPrefix("POST /hook sha256="), "\(requests)")
    }

    @Test("an answer of `![[]()` x 100,000 is refused by file.size before cmark runs")
    func hostileAnswerIsRefusedBySize() throws {
        let box = try Sandbox()
        let file = box.repo.appendingPathComponent("content/faq/brackets.md")
        let body = String(repeating: "![[]()", count: 100_000)
        try Data("---\nid: brackets\nquestion: Why?\nposition: 99\n---\n\(body)\n".utf8).write(to: file)
        let validate = try box.clinicctl(["validate", "--path", box.repo.path, "--json"])
        #expect(validate.status != 0)
        let report = try #require(try decodeJSON(validate) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let about = findings.filter { ($0["file"] as? String) == "content/faq/brackets.md" }.compactMap { $0["rule"] as? String }
        #expect(about == ["file.size"], "\(validate.stdout.prefix(400))")
    }
}
