import Foundation
import Testing

@Suite(
    "Team: the shared repository over smart HTTP with a token",
    .enabled(if: TeamHTTPServer.available, "needs git-http-backend and python3: make test-deps"))
struct TeamSyncHTTPTests {
    static let token = "clinic-token-4f9a"

    /// A bare repository with the server hooks, served over http with `token`.
    private func served() throws -> (Sandbox, TeamHTTPServer) {
        let box = try Sandbox(bare: true)
        let install = try box.clinicctl(["hooks", "install", "--server", "--repo", box.repo.path], in: box.root)
        #expect(install.status == 0, "\(install.stderr)")
        let http = try TeamHTTPServer(
            serving: box.root, token: Self.token, environment: ["CLINIC_WEBROOT": box.root.appendingPathComponent("webroot").path])
        return (box, http)
    }

    /// `clinicctl clone` over http with `token` in CLINICCTL_TOKEN, timed.
    private func clone(_ box: Sandbox, _ http: TeamHTTPServer, token: String?) throws -> (Run, TimeInterval, URL) {
        let folder = box.root.appendingPathComponent("clone-\(UUID().uuidString)")
        let started = Date()
        let run = try box.clinicctl(["clone", http.url("repo"), folder.path], in: box.root, environment: ["CLINICCTL_TOKEN": token ?? ""])
        return (run, Date().timeIntervalSince(started), folder)
    }

    /// What a refused sync must leave as it was in `folder`: refs, index and files, config.
    private func snapshot(_ box: Sandbox, _ folder: URL) throws -> [String] {
        [
            try box.git(["for-each-ref", "--format=%(refname) %(objectname)"], in: folder).stdout,
            try box.git(["status", "--porcelain", "--untracked-files=all"], in: folder).stdout,
            try String(contentsOf: folder.appendingPathComponent(".git/config"), encoding: .utf8),
        ]
    }

    @Test func clonesAndSyncsWithTheTokenAndTheServerHooksRun() throws {
        let (box, http) = try served()
        defer { http.stop() }
        let (cloned, _, office) = try clone(box, http, token: Self.token)
        #expect(cloned.status == 0, "\(cloned.stderr)")
        #expect(FileManager.default.fileExists(atPath: office.appendingPathComponent("content/clinic.yaml").path))
        let withToken = ["CLINICCTL_TOKEN": Self.token]
        #expect(
            try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        let sent = try box.clinicctl(["sync"], in: office, environment: withToken)
        #expect(sent.status == 0, "\(sent.stdout) \(sent.stderr)")
        #expect(sent.stdout.contains("draft faq-do-you-take-insurance: pushed"), "\(sent.stdout)")
        let local = try box.git(["rev-parse", "drafts/faq-do-you-take-insurance"], in: office).stdout
        #expect(try box.git(["rev-parse", "refs/heads/drafts/faq-do-you-take-insurance"]).stdout == local)

        // The server's pre-receive runs behind http too: an unapproved commit on main is refused, and said.
        let before = try box.gitOutput(["rev-parse", "main"])
        try Data("# sneaked in\n".utf8).write(to: office.appendingPathComponent("NOTES.md"))
        #expect(try box.git(["add", "NOTES.md"], in: office).status == 0)
        #expect(try box.git(["-c", "user.name=O", "-c", "user.email=o@x.example", "commit", "-qm", "Sneak"], in: office).status == 0)
        let sneaked = try box.clinicctl(["sync"], in: office, environment: withToken)
        #expect(sneaked.status == 1)
        #expect(sneaked.stdout.contains("main: refused by the server:"), "\(sneaked.stdout) \(sneaked.stderr)")
        #expect(sneaked.stdout.contains("is not an approval"))
        #expect(try box.gitOutput(["rev-parse", "main"]) == before)
    }

    @Test func aWrongOrMissingTokenIsRefusedClearlyQuicklyAndChangesNothing() throws {
        let (box, http) = try served()
        defer { http.stop() }
        let (cloned, _, office) = try clone(box, http, token: Self.token)
        #expect(cloned.status == 0, "\(cloned.stderr)")
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        let before = try snapshot(box, office)
        let serverBefore = try box.gitOutput(["for-each-ref", "--format=%(refname) %(objectname)"])
        let started = Date()
        let wrong = try box.clinicctl(["sync"], in: office, environment: ["CLINICCTL_TOKEN": "not-the-token"])
        let seconds = Date().timeIntervalSince(started)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("refused the token"), "\(wrong.stdout) \(wrong.stderr)")
        #expect(wrong.stderr.contains("check that your key or token is the one the server knows"))
        #expect(seconds < 10, "took \(seconds) s")
        #expect(try snapshot(box, office) == before)
        #expect(try box.gitOutput(["for-each-ref", "--format=%(refname) %(objectname)"]) == serverBefore)

        for (token, words) in [("not-the-token", "refused the token"), (nil, "set CLINICCTL_TOKEN")] {
            let (run, seconds, folder) = try clone(box, http, token: token)
            #expect(run.status == 1)
            #expect(run.stderr.contains(words), "\(run.stderr)")
            #expect(seconds < 10, "took \(seconds) s")
            #expect(!FileManager.default.fileExists(atPath: folder.path), "a refused clone leaves no folder")
        }
    }
}
