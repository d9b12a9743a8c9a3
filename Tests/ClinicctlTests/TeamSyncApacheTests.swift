import ClinicTestSupport
import Foundation
import Testing

/// Issue 25, item 7: the two-person story through Debian's Apache serving git-http-backend,
/// with Basic auth and TLS from a CA the test makes, as docs/team.md's Apache recipe sets it up.
@Suite(
    "Team: Apache + git-http-backend with Basic auth and the clinic's own certificate",
    .enabled(
        if: ApacheGitServer.available && TestCertificateAuthority.available,
        "needs apache2, htpasswd (apache2-utils), git-http-backend and openssl: make test-deps"))
struct TeamSyncApacheTests {
    static let tokens = ["olivia": "olivia-token-5c1d", "rita": "rita-token-9e2a"]

    /// The clinicctl the server's hooks run: as root, a copy Apache's account can reach (the
    /// checkout may sit in a folder only root enters).
    static func serverClinicctl(in root: URL) throws -> URL {
        guard ApacheGitServer.serviceAccount != nil else { return clinicctlBinary }
        let bin = root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let copy = bin.appendingPathComponent("clinicctl")
        try FileManager.default.copyItem(at: clinicctlBinary.resolvingSymlinksInPath(), to: copy)
        for path in [root.path, bin.path, copy.path] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        return copy
    }

    @Test func officeManagerAndReviewerWorkThroughApacheAndAForgedPushIsRefused() throws {
        let box = try Sandbox(bare: true)
        try box.shipPublishHooks()
        let www = box.root.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        let program = try Self.serverClinicctl(in: box.root)
        let install = try box.clinicctl(
            ["hooks", "install", "--server", "--repo", box.repo.path, "--webroot", www.path, "--clinicctl", program.path], in: box.root)
        #expect(install.status == 0, "\(install.stderr)")
        let authority = try TestCertificateAuthority(in: box.root)
        let apache = try ApacheGitServer(
            serving: box.root, users: Self.tokens, authority: authority, writable: [box.repo, www],
            in: box.root.appendingPathComponent("apache"))
        defer { apache.stop() }
        func environment(_ user: String) -> [String: String] {
            ["CLINICCTL_TOKEN": Self.tokens[user] ?? "", "GIT_SSL_CAINFO": authority.certificate.path]
        }

        // Olivia, the office manager, clones, writes a draft and sends it.
        let office = box.root.appendingPathComponent("office")
        let cloned = try box.clinicctl(
            ["clone", apache.url("repo", user: "olivia"), office.path], in: box.root, environment: environment("olivia"))
        #expect(cloned.status == 0, "\(cloned.stderr)")
        #expect(try box.clinicctl(TeamEdits.insurance, in: office).status == 0)
        let sent = try box.clinicctl(["sync"], in: office, environment: environment("olivia"))
        #expect(sent.stdout.contains("draft faq-do-you-take-insurance: pushed"), "\(sent.stdout) \(sent.stderr)")

        // Rita, the reviewer, clones on her laptop, sees the draft and approves it: the server publishes.
        let laptop = box.root.appendingPathComponent("laptop")
        let rita = environment("rita")
        let laptopClone = try box.clinicctl(
            ["clone", apache.url("repo", user: "rita"), laptop.path], as: Sandbox.reviewer, in: box.root, environment: rita)
        #expect(laptopClone.stdout.contains("faq-do-you-take-insurance"), "\(laptopClone.stdout) \(laptopClone.stderr)")
        let approved = try box.clinicctl(
            ["review", "approve", "faq-do-you-take-insurance"], as: Sandbox.reviewer, in: laptop, environment: rita)
        #expect(approved.status == 0, "\(approved.stdout) \(approved.stderr)")
        let main = try box.gitOutput(["--git-dir", box.repo.path, "rev-parse", "main"])
        #expect(approved.stdout.contains("(\(main.prefix(7)), by 10-webroot), as the server recorded it."), "\(approved.stdout)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: www.appendingPathComponent("current").path) == "releases/\(main)")

        let back = try box.clinicctl(["sync"], in: office, environment: environment("olivia"))
        #expect(back.status == 0, "\(back.stdout) \(back.stderr)")
        #expect(back.stdout.contains("draft faq-do-you-take-insurance: closed on the server"), "\(back.stdout)")

        // What Apache logged of that normal session: every request either asked for no login or was let in.
        #expect(apache.failedLogins.isEmpty, "failed logins: \(apache.failedLogins)")
        let lines = apache.accessLines
        #expect(lines.contains { $0.contains(" olivia \"") && $0.hasSuffix(" 200") }, "\(lines)")
        #expect(lines.contains { $0.contains(" rita \"POST /git/repo/git-receive-pack") && $0.hasSuffix(" 200") }, "\(lines)")
        #expect(!lines.contains { $0.hasSuffix(" 401") && !$0.contains(" - \"") }, "a login was refused: \(lines)")

        // Olivia pushes a commit of her own to main with plain git: the pre-receive hook refuses it.
        try Data("# sneaked in\n".utf8).write(to: office.appendingPathComponent("NOTES.md"))
        #expect(try box.git(["add", "NOTES.md"], in: office).status == 0)
        #expect(try box.git(["-c", "user.name=O", "-c", "user.email=o@x.example", "commit", "-qm", "Sneak"], in: office).status == 0)
        let address = "https://olivia:\(Self.tokens["olivia"] ?? "")@127.0.0.1:\(apache.port)/git/repo"
        let forged = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/env"), ["git", "push", address, "HEAD:refs/heads/main"], in: office,
            environment: ["GIT_SSL_CAINFO": authority.certificate.path], stdin: nil)
        #expect(forged.status != 0)
        #expect(forged.stderr.contains("is not an approval"), "\(forged.stderr)")
        #expect(try box.gitOutput(["--git-dir", box.repo.path, "rev-parse", "main"]) == main)

        // A wrong token is refused, and shows in the log as the failed login the checks above look for.
        let wrong = try box.clinicctl(
            ["clone", apache.url("repo", user: "olivia"), box.root.appendingPathComponent("wrong").path], in: box.root,
            environment: ["CLINICCTL_TOKEN": "not-the-token", "GIT_SSL_CAINFO": authority.certificate.path])
        #expect(wrong.status != 0)
        #expect(!apache.failedLogins.isEmpty, "\(apache.accessLines)")

        apache.stop()
        #expect(apache.runningProcesses.isEmpty, "Apache left processes running: \(apache.runningProcesses)")
    }
}
