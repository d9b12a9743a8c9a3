import Foundation
import Testing

/// Two Unix accounts in one group, each running clinicctl on one bare repository, as on a server
/// where each person pushes as an account of their own (issue 25, item 1). Creating accounts needs
/// root: as anyone else these tests are skipped, and say why.
@Suite("Shared repositories: one account per person")
struct SharedAccountsTests {
    static let canMakeAccounts =
        getuid() == 0
        && ["/usr/sbin/useradd", "/usr/sbin/userdel", "/usr/sbin/groupadd", "/usr/bin/setpriv"].allSatisfy {
            FileManager.default.isExecutableFile(atPath: $0)
        }

    @Test(
        "the reviewer's publish, then the office manager's discard, sync and publish, work in a --shared=group repository",
        .enabled(if: canMakeAccounts, "needs root, useradd and setpriv to make two Unix accounts; run the suite as root"))
    func twoAccountsShareOneRepository() throws {
        let accounts = try Accounts()
        defer { accounts.remove() }
        let root = accounts.root
        let server = root.appendingPathComponent("server.git")
        let www = root.appendingPathComponent("www")
        // The administrator, once: a shared repository in the clinic's group, its web root, the hooks.
        try accounts.administrator(
            ["init", server.path, "--bare", "--shared=group", "--from", packageRoot.appendingPathComponent("content").path]
                + ["--hooks", packageRoot.appendingPathComponent("hooks").path, "--reviewer", Sandbox.reviewer])
        try accounts.shell("chgrp -R \(accounts.group) '\(server.path)' && install -d -g \(accounts.group) -m 2775 '\(www.path)'")
        try accounts.administrator(["hooks", "install", "--server", "--repo", server.path, "--webroot", www.path])

        let office = accounts.home(.olivia).appendingPathComponent("office")
        let laptop = accounts.home(.rita).appendingPathComponent("laptop")
        let cloned = try accounts.run(.olivia, ["clone", server.path, office.path])
        #expect(cloned.status == 0, "\(cloned.stderr)")
        // A folder is no server: said once (issue 25, item 5).
        #expect(cloned.stderr.components(separatedBy: "is a folder on this computer, not a server").count == 2, "\(cloned.stderr)")
        try accounts.expectSuccess(.olivia, ["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office)
        try accounts.expectSuccess(
            .olivia, ["faq", "add", "--question", "Can I park?", "--answer", "Yes.", "--draft-name", "parking"], in: office)
        try accounts.expectSuccess(.olivia, ["sync"], in: office)

        try accounts.expectSuccess(.rita, ["clone", server.path, laptop.path])
        try accounts.expectSuccess(.rita, ["review", "approve", "faq-do-you-take-insurance", "--no-publish"], in: laptop)
        let published = try accounts.run(.rita, ["publish", "--repo", server.path])
        #expect(published.status == 0, "\(published.stderr)")
        let main = try accounts.git(["--git-dir", server.path, "rev-parse", "main"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: www.appendingPathComponent("current").path) == "releases/\(main)")

        // What Rita's publish made, the next account can write into.
        for folder in ["refs/clinicctl", "clinicctl", "clinicctl/bundles", "clinicctl-locks"] {
            #expect(try accounts.mode(server.appendingPathComponent(folder)) == 0o2775, "\(folder)")
        }
        #expect(try accounts.mode(server.appendingPathComponent("refs/clinicctl/deployed")) == 0o664)
        #expect(try accounts.mode(www.appendingPathComponent("releases")) & 0o2070 == 0o2070)
        #expect(try accounts.mode(www.appendingPathComponent("releases/\(main)")) & 0o070 == 0o070)

        let discarded = try accounts.run(.olivia, ["draft", "discard", "parking"], in: office)
        #expect(discarded.status == 0 && !discarded.stderr.contains("did not reach the server"), "\(discarded.stderr)")
        #expect(try accounts.git(["--git-dir", server.path, "for-each-ref", "refs/clinicctl/discarded/"]).contains("parking-"))
        try accounts.expectSuccess(.olivia, ["sync"], in: office)
        // Olivia publishes over Rita's bundle, locks, release and `current`.
        try accounts.expectSuccess(.olivia, ["publish", "--repo", server.path])
        #expect(try accounts.mode(server.appendingPathComponent("refs/clinicctl/discarded")) == 0o2775)
        try accounts.expectSuccess(.rita, ["sync"], in: laptop)
        let drafts = try accounts.run(.rita, ["drafts"], in: laptop)
        #expect(!drafts.stdout.contains("parking"), "the reviewer no longer sees the discarded draft: \(drafts.stdout)")
    }

    @Test(
        "a repository writable by the group but not shared fails the next account by name, with the fix, and the fix works",
        .enabled(if: canMakeAccounts, "needs root, useradd and setpriv to make two Unix accounts; run the suite as root"))
    func anUnsharedRepositoryNamesThePathAndTheFix() throws {
        let accounts = try Accounts()
        defer { accounts.remove() }
        let server = accounts.root.appendingPathComponent("plain.git")
        try accounts.administrator(
            ["init", server.path, "--bare", "--from", packageRoot.appendingPathComponent("content").path, "--reviewer", Sandbox.reviewer])
        // Group-writable as made, but no core.sharedRepository: what clinicctl makes later is not.
        try accounts.shell("chgrp -R \(accounts.group) '\(server.path)' && chmod -R g+w '\(server.path)'")
        let office = accounts.home(.olivia).appendingPathComponent("office")
        // Olivia's own account shares what it makes (umask 002); Rita's does not, as on a stock server.
        try accounts.expectSuccess(.olivia, ["clone", server.path, office.path], umask: "002")
        try accounts.expectSuccess(
            .olivia, ["faq", "add", "--question", "Can I park?", "--answer", "Yes.", "--draft-name", "parking"], in: office, umask: "002")
        try accounts.expectSuccess(.olivia, ["sync"], in: office, umask: "002")
        try accounts.expectSuccess(.rita, ["publish", "--repo", server.path])
        #expect(try accounts.mode(server.appendingPathComponent("refs/clinicctl")) & 0o020 == 0, "libgit2 alone ignores the group")

        let discarded = try accounts.run(.olivia, ["draft", "discard", "parking"], in: office)
        let fix =
            "chmod -R g+w \(server.path); find \(server.path) -type d -exec chmod g+s {} +; git -C \(server.path) config core.sharedRepository group"
        #expect(discarded.stderr.contains("did not reach the server"), "\(discarded.stderr)")
        #expect(discarded.stderr.contains("Permission denied"), "\(discarded.stderr)")
        #expect(discarded.stderr.contains("The account \(accounts.name(.olivia)) may not write \(server.path)/"), "\(discarded.stderr)")
        #expect(discarded.stderr.contains(fix), "\(discarded.stderr)")
        let failed = try accounts.run(.olivia, ["sync"], in: office)
        #expect(failed.status == 1 && (failed.stdout + failed.stderr).contains(fix), "\(failed.stdout) \(failed.stderr)")

        // The fix, as the message gives it, run by whoever runs the server.
        try accounts.shell(fix.replacingOccurrences(of: "git -C", with: "GIT_CONFIG_NOSYSTEM=1 git -C"))
        let synced = try accounts.run(.olivia, ["sync"], in: office)
        #expect(synced.status == 0, "\(synced.stdout) \(synced.stderr)")
        #expect(try accounts.git(["--git-dir", server.path, "for-each-ref", "refs/clinicctl/discarded/"]).contains("parking-"))
    }
}
