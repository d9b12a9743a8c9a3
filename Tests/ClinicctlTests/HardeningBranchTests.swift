import Foundation
import Testing

/// Which branch is published, and which Git hooks run, are properties of the
/// repository: no pushed or checked-out revision can change them (issue 15, items 1-3).
@Suite("hardening: the published branch and the Git hooks")
struct HardeningBranchTests {
    static let identity = ["-c", "user.name=Mallory", "-c", "user.email=mallory@evil.example"]

    /// A repository made by `clinicctl init` with the shipped hooks, beside the sandbox's.
    func initWithHooks(_ box: Sandbox, _ name: String, _ extra: [String] = []) throws -> URL {
        let folder = box.root.appendingPathComponent(name)
        let made = try box.clinicctl(
            [
                "init", folder.path, "--from", packageRoot.appendingPathComponent("content").path, "--hooks",
                packageRoot.appendingPathComponent("hooks").path, "--reviewer", Sandbox.reviewer,
            ] + extra, in: box.root)
        #expect(made.status == 0, "\(made.stderr)")
        return folder
    }

    func commitAll(_ box: Sandbox, _ message: String, in folder: URL) throws {
        #expect(try box.git(["add", "-A"], in: folder).status == 0)
        let commit = try box.git(Self.identity + ["commit", "--no-verify", "-q", "-m", message], in: folder)
        #expect(commit.status == 0, "\(commit.stderr)")
    }

    func setPublishedBranch(_ value: String, in folder: URL) throws {
        let file = folder.appendingPathComponent("clinicctl.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = text.replacingOccurrences(
            of: #"publishedBranch: \S+"#, with: "publishedBranch: \(value)", options: .regularExpression)
        try changed.write(to: file, atomically: true, encoding: .utf8)
    }

    @Test("post-receive over git://: a pushed draft whose clinicctl.yaml names itself is not deployed; a push to main is")
    func postReceiveReadsTheRepositorySetting() throws {
        let box = try Sandbox()
        let server = try initWithHooks(box, "server.git", ["--bare"])
        #expect(try box.clinicctl(["hooks", "install", "--repo", server.path], in: box.root).status == 0)
        let daemon = try gitDaemon(serving: box.root, path: clinicctlBinary.deletingLastPathComponent().path)
        defer { daemon.stop() }
        let work = box.root.appendingPathComponent("work")
        let url = "git://127.0.0.1:\(daemon.port)/server.git"
        #expect(try box.git(["clone", "-q", url, work.path], in: box.root).status == 0)

        #expect(try box.git(["checkout", "-q", "-b", "drafts/typo"], in: work).status == 0)
        try setPublishedBranch("drafts/typo", in: work)
        try commitAll(box, "Name myself published", in: work)
        let pushed = try box.git(["push", "-q", "origin", "drafts/typo"], in: work)
        #expect(pushed.status == 0, "\(pushed.stderr)")
        #expect(!pushed.stderr.contains("publishing"), "\(pushed.stderr)")
        #expect(try box.git(["--git-dir", server.path, "rev-parse", "-q", "--verify", "refs/clinicctl/deployed"]).status != 0)

        // The control: a push that moves main is published, so the hook did run above.
        #expect(try box.git(["checkout", "-q", "main"], in: work).status == 0)
        #expect(try box.git(Self.identity + ["commit", "-q", "--allow-empty", "--no-verify", "-m", "Touch"], in: work).status == 0)
        let published = try box.git(["push", "-q", "origin", "main"], in: work)
        #expect(published.stderr.contains("post-receive: main moved"), "\(published.stderr)")
        // The shipped hooks are not configured here, so they skip: main is exported, not deployed.
        let records = try ["refs/clinicctl/deployed", "refs/clinicctl/exported"].map {
            try box.git(["--git-dir", server.path, "rev-parse", "-q", "--verify", $0])
        }
        let main = try box.git(["rev-parse", "main"], in: work)
        #expect(records.contains { $0.status == 0 && $0.stdout == main.stdout }, "main was not published")
    }

    @Test("a main branch made beside the published live branch, or a checked-out draft naming itself, changes nothing")
    func thePublishedBranchCannotBeSwitchedFromOutside() throws {
        let box = try Sandbox()
        let clinic = try initWithHooks(box, "clinic", ["--branch", "live"])
        #expect(try box.gitOutput(["-C", clinic.path, "config", "clinicctl.publishedBranch"]) == "live")

        #expect(try box.git(["checkout", "-q", "-b", "drafts/self"], in: clinic).status == 0)
        try setPublishedBranch("drafts/self", in: clinic)
        try commitAll(box, "Name myself published", in: clinic)
        let status = try box.clinicctl(["status"], in: clinic)
        #expect(status.stdout.hasPrefix("Published (live)"), "\(status.stdout)")

        #expect(try box.git(["checkout", "-q", "-b", "main", "live"], in: clinic).status == 0)
        try setPublishedBranch("main", in: clinic)
        try commitAll(box, "Name main published", in: clinic)
        let again = try box.clinicctl(["status"], in: clinic)
        #expect(again.stdout.hasPrefix("Published (live)"), "\(again.stdout)")
        let live = try box.git(["rev-parse", "--short", "live"], in: clinic).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let dryRun = try box.clinicctl(["publish", "--dry-run"], in: clinic)
        #expect(dryRun.stdout.contains("Exported \(live)"), "\(dryRun.stdout)")
    }

    @Test("an old repository without the setting falls back to main and says how to record it")
    func oldRepositoryFallsBackToMain() throws {
        let box = try Sandbox()
        #expect(try box.git(["config", "--unset", "clinicctl.publishedBranch"]).status == 0)
        let status = try box.clinicctl(["status"])
        #expect(status.stdout.hasPrefix("Published (main)"))
        #expect(status.stderr.contains("git config clinicctl.publishedBranch NAME"))
    }

    @Test("hooks install copies the published hooks into .git/hooks; checking out a draft runs none of its hooks")
    func hooksInstallNeverRunsADraftsHooks() throws {
        let box = try Sandbox()
        let clinic = try initWithHooks(box, "clinic")
        let install = try box.clinicctl(["hooks", "install"], in: clinic)
        #expect(install.status == 0, "\(install.stderr)")
        #expect(FileManager.default.isExecutableFile(atPath: clinic.appendingPathComponent(".git/hooks/pre-commit").path))
        #expect(try box.git(["config", "core.hooksPath"], in: clinic).status != 0)

        let marker = box.root.appendingPathComponent("ran")
        #expect(try box.git(["checkout", "-q", "-b", "drafts/innocent"], in: clinic).status == 0)
        let hook = clinic.appendingPathComponent("hooks/post-checkout")
        try "#!/bin/sh\ntouch '\(marker.path)'\n".write(to: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
        try commitAll(box, "Innocent", in: clinic)
        #expect(try box.git(["checkout", "-q", "main"], in: clinic).status == 0)
        #expect(try box.git(["checkout", "-q", "drafts/innocent"], in: clinic).status == 0)
        #expect(!FileManager.default.fileExists(atPath: marker.path), "a draft's hook ran on checkout")

        // Approved, the hook is published: the installed copies follow the published branch.
        #expect(try box.git(["checkout", "-q", "main"], in: clinic).status == 0)
        let approve = try box.clinicctl(["review", "approve", "innocent", "--accept", "hooks"], as: Sandbox.reviewer, in: clinic)
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(FileManager.default.isExecutableFile(atPath: clinic.appendingPathComponent(".git/hooks/post-checkout").path))
    }
}
