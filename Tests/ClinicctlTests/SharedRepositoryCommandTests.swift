import Foundation
import Testing

/// Issue 25, item 1, for one account: `init --shared` makes what `git init --shared` makes, and
/// what a publish writes later in a shared repository stays shared (libgit2 alone ignores it).
@Suite("Shared repositories: init --shared and what clinicctl writes later")
struct SharedRepositoryCommandTests {
    /// A program under umask 022 (a stock account's), so only the repository's setting can share.
    static func under022(_ box: Sandbox, _ program: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        try Sandbox.execute(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "umask 022; exec \"$0\" \"$@\"", program.path] + arguments, in: box.root,
            environment: ["CLINICCTL_AUTHOR": Sandbox.manager].merging(environment) { $1 }, stdin: nil)
    }

    static func mode(_ url: URL) -> Int {
        var info = stat()
        return lstat(url.path, &info) == 0 ? Int(info.st_mode & 0o7777) : -1
    }

    @Test("init --bare --shared=group gives the repository git init --bare --shared=group's modes and settings")
    func initSharedIsGitsInitShared() throws {
        let box = try Sandbox()
        let ours = box.root.appendingPathComponent("ours.git")
        let theirs = box.root.appendingPathComponent("theirs.git")
        let content = packageRoot.appendingPathComponent("content").path
        let made = try Self.under022(box, clinicctlBinary, ["init", ours.path, "--bare", "--shared=group", "--from", content])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("Shared (core.sharedRepository=group)"), "\(made.stdout)")
        let git = URL(fileURLWithPath: "/usr/bin/env")
        #expect(try Self.under022(box, git, ["git", "init", "-q", "--bare", "--shared=group", theirs.path]).status == 0)
        for path in ["", "HEAD", "config", "objects", "refs", "refs/heads", "refs/tags", "info"] {
            let expected = Self.mode(theirs.appendingPathComponent(path))
            #expect(Self.mode(ours.appendingPathComponent(path)) == expected, "\(path): \(String(expected, radix: 8))")
        }
        #expect(Self.mode(ours) == 0o2775)
        for key in ["core.sharedRepository", "receive.denyNonFastforwards"] {
            let value = { (repo: URL) in try box.gitOutput(["--git-dir", repo.path, "config", key]) }
            #expect(try value(ours) == (try value(theirs)), "\(key)")
        }
        // What the first commit wrote: a reference, an object folder and its object.
        #expect(Self.mode(ours.appendingPathComponent("refs/heads/main")) == 0o664)
        let main = try box.gitOutput(["--git-dir", ours.path, "rev-parse", "main"])
        let objects = ours.appendingPathComponent("objects/\(main.prefix(2))")
        #expect(Self.mode(objects) == 0o2775)
        #expect(Self.mode(objects.appendingPathComponent(String(main.dropFirst(2)))) == 0o444)
    }

    @Test("a value Git refuses is a usage error and creates nothing", arguments: ["0440", "sometimes"])
    func refusedValue(value: String) throws {
        let box = try Sandbox()
        let target = box.root.appendingPathComponent("x.git")
        let run = try box.clinicctl(
            ["init", target.path, "--bare", "--shared=\(value)", "--from", packageRoot.appendingPathComponent("content").path], in: box.root
        )
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("--shared takes group, all, umask or an octal mode such as 0660"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test(
        "a publish writes group-writable references, folders and releases only where core.sharedRepository says", arguments: [true, false])
    func publishFollowsTheSetting(shared: Bool) throws {
        let box = try Sandbox()
        let repo = box.root.appendingPathComponent("server.git")
        let www = box.root.appendingPathComponent("www")
        let content = packageRoot.appendingPathComponent("content").path
        let hooks = packageRoot.appendingPathComponent("hooks").path
        let made = try Self.under022(
            box, clinicctlBinary, ["init", repo.path, "--bare", "--from", content, "--hooks", hooks] + (shared ? ["--shared=group"] : []))
        #expect(made.status == 0, "\(made.stderr)")
        let published = try Self.under022(
            box, clinicctlBinary, ["publish", "--repo", repo.path], environment: ["CLINIC_WEBROOT": www.path])
        #expect(published.status == 0, "\(published.stderr)")
        let main = try box.gitOutput(["--git-dir", repo.path, "rev-parse", "main"])
        let deployment = try box.gitOutput(["--git-dir", repo.path, "rev-parse", "refs/clinicctl/deployment"])
        let folders =
            ["refs/clinicctl", "clinicctl", "clinicctl/bundles", "clinicctl/bundles/\(main)", "clinicctl-locks"]
            + ["objects/\(deployment.prefix(2))"]
        for folder in folders {
            #expect(Self.mode(repo.appendingPathComponent(folder)) == (shared ? 0o2775 : 0o755), "\(folder)")
        }
        for file in ["refs/clinicctl/deployed", "refs/clinicctl/deployment", "clinicctl/deployed", "clinicctl/deployment.json"] {
            #expect(Self.mode(repo.appendingPathComponent(file)) == (shared ? 0o664 : 0o644), "\(file)")
        }
        // The deploy hook inherits the umask: the web root's releases are the group's too.
        for folder in ["", "releases", "releases/\(main)"] {
            #expect(Self.mode(www.appendingPathComponent(folder)) & 0o777 == (shared ? 0o775 : 0o755), "www/\(folder)")
        }
    }
}
