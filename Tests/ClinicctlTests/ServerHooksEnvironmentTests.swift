import ClinicTestSupport
import Foundation
import Testing

/// Issue 25, item 6: the server's hooks carry what they need (the clinicctl they run, the web
/// root), so a Git server whose environment has neither publishes anyway.
@Suite("Server hooks carry their environment")
struct ServerHooksEnvironmentTests {
    /// A bare repository whose published branch ships post-receive and the web-root hook, served
    /// by a git daemon with no clinicctl on its PATH and no CLINIC_WEBROOT.
    static func bareServer() throws -> (Sandbox, GitDaemon) {
        let box = try Sandbox(bare: true)
        try box.shipPublishHooks()
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CLINIC") }
        environment["PATH"] = "/usr/bin:/bin"
        environment["HOME"] = FileManager.default.temporaryDirectory.path
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        return (box, try GitDaemon(serving: box.root, environment: environment))
    }

    @Test("hooks install --server --webroot: a bare git daemon publishes each approval into the web root")
    func theHooksNeedNoServerEnvironment() throws {
        let (box, server) = try Self.bareServer()
        defer { server.stop() }
        let webRoot = box.root.appendingPathComponent("www")
        // First without --webroot: the hooks run (clinicctl is written into them), the web root hook skips.
        let plain = try box.clinicctl(["hooks", "install", "--server", "--repo", box.repo.path], in: box.root)
        #expect(plain.status == 0, "\(plain.stderr)")
        let program = clinicctlBinary.resolvingSymlinksInPath().path
        #expect(plain.stdout.contains("The hooks run \(program)."), "\(plain.stdout)")
        for hook in ["pre-receive", "post-receive"] {
            let text = try String(contentsOf: box.repo.appendingPathComponent("hooks/\(hook)"), encoding: .utf8)
            #expect(text.contains("CLINICCTL='\(program)'; export CLINICCTL\n"), "\(hook): \(text)")
        }
        let office = box.root.appendingPathComponent("office")
        let laptop = box.root.appendingPathComponent("laptop")
        #expect(try box.clinicctl(["clone", server.url("repo"), office.path], in: box.root).status == 0)
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["social", "remove", "Instagram", "--draft-name", "social"], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        #expect(try box.clinicctl(["clone", server.url("repo"), laptop.path], as: Sandbox.reviewer, in: box.root).status == 0)
        let skipped = try box.clinicctl(["review", "approve", "faq-do-you-take-insurance"], as: Sandbox.reviewer, in: laptop)
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stderr.contains("did not deploy it: every deploy hook skipped there"), "\(skipped.stderr)")

        let install = try box.clinicctl(["hooks", "install", "--server", "--repo", box.repo.path, "--webroot", webRoot.path], in: box.root)
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stdout.contains("The publish puts the website into \(webRoot.path) (git config clinicctl.webroot)."))
        #expect(try box.gitOutput(["--git-dir", box.repo.path, "config", "clinicctl.webroot"]) == webRoot.path)
        let approve = try box.clinicctl(["review", "approve", "social"], as: Sandbox.reviewer, in: laptop)
        #expect(approve.status == 0, "\(approve.stderr)")
        let main = try box.gitOutput(["--git-dir", box.repo.path, "rev-parse", "main"])
        #expect(approve.stdout.contains("(\(main.prefix(7)), by 10-webroot), as the server recorded it."), "\(approve.stdout)")
        let current = try FileManager.default.destinationOfSymbolicLink(atPath: webRoot.appendingPathComponent("current").path)
        #expect(current == "releases/\(main)")
        // `status` on the server checks the web root it is configured with, environment or not.
        let status = try box.clinicctl(["status", "--repo", box.repo.path], in: box.root)
        #expect(status.stdout.contains("Deployed: \(main.prefix(7)) (up to date)"), "\(status.stdout)")
    }

    @Test("a clinicctl that is not there, or --webroot without --server, installs nothing")
    func refusesBeforeWriting() throws {
        let box = try Sandbox(bare: true)
        let missing = box.root.appendingPathComponent("nowhere/clinicctl").path
        let run = try box.clinicctl(["hooks", "install", "--server", "--repo", box.repo.path, "--clinicctl", missing], in: box.root)
        #expect(run.status == 1 && run.stderr.contains("there is no executable clinicctl at \(missing); nothing was installed"))
        #expect(!FileManager.default.fileExists(atPath: box.repo.appendingPathComponent("hooks/pre-receive").path))
        let usage = try box.clinicctl(["hooks", "install", "--repo", box.repo.path, "--webroot", "/srv/www"], in: box.root)
        #expect(usage.status == 64 && usage.stderr.contains("--webroot belongs to --server"), "\(usage.stderr)")
        let file = box.root.appendingPathComponent("a-file")
        try Data().write(to: file)
        let notFolder = try box.clinicctl(["hooks", "install", "--server", "--repo", box.repo.path, "--webroot", file.path], in: box.root)
        #expect(notFolder.status == 1 && notFolder.stderr.contains("is a file, not a folder; nothing was installed"))
        #expect(try box.git(["--git-dir", box.repo.path, "config", "clinicctl.webroot"]).status != 0)
    }

    @Test("init --bare's next steps name hooks install --server --webroot and publish, or --hooks when it has none")
    func bareInitNamesTheRealNextSteps() throws {
        let box = try Sandbox()
        let content = packageRoot.appendingPathComponent("content").path
        let hooked = box.root.appendingPathComponent("hooked.git")
        let run = try box.clinicctl(
            ["init", hooked.path, "--bare", "--from", content, "--hooks", packageRoot.appendingPathComponent("hooks").path], in: box.root)
        #expect(run.status == 0, "\(run.stderr)")
        let commands = NextStepsTests.commands(in: run.stdout)
        #expect(commands.first == "clinicctl hooks install --server --repo \(hooked.path) --webroot /srv/www/clinic", "\(commands)")
        #expect(commands.dropFirst().first == "clinicctl publish --repo \(hooked.path)", "\(commands)")
        let bare = box.root.appendingPathComponent("bare.git")
        let plain = try box.clinicctl(["init", bare.path, "--bare", "--from", content], in: box.root)
        #expect(NextStepsTests.commands(in: plain.stdout).first == "clinicctl hooks install --server --repo \(bare.path)")
        #expect(plain.stdout.contains("without --hooks nothing publishes here: make it with --hooks DIR"), "\(plain.stdout)")
        #expect(!plain.stdout.contains("--webroot"), "\(plain.stdout)")
    }
}
