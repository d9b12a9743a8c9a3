import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A content repository for the hostile-surroundings tests, with its own
/// `TMPDIR`, so that a hook folder or staging file left behind is seen.
final class HostileBench: @unchecked Sendable {
    let box: Sandbox
    let temporary: URL

    init() throws {
        box = try Sandbox()
        temporary = box.root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    }

    var environment: [String: String] { ["TMPDIR": temporary.path] }

    /// Runs clinicctl to the end, in the repository (or `folder`).
    @discardableResult
    func run(_ arguments: [String], as person: String = Sandbox.manager, in folder: URL? = nil) throws -> Run {
        try box.clinicctl(arguments, as: person, in: folder, environment: environment)
    }

    /// Puts a deploy hook on the published branch, approved with `--accept hooks`
    /// and not published (the hook may hang).
    func installHook(_ name: String, _ script: String) throws {
        try box.plainGitDraft("hook-\(name)") { _ in try box.write("hooks/publish.d/\(name)", script, executable: true) }
        let tip = try box.gitOutput(["rev-parse", "drafts/hook-\(name)"])
        let approved = try run(
            ["review", "approve", "hook-\(name)", "--accept", "hooks", "--tip", tip, "--no-publish"], as: Sandbox.reviewer)
        guard approved.status == 0 else { throw SandboxError(message: "approving hook \(name) failed: \(approved.stderr)") }
    }

    /// Opens a draft with one new FAQ entry and returns the draft's name.
    func openDraft(_ question: String, in folder: URL? = nil) throws -> String {
        let opened = try run(["faq", "add", "--question", question, "--answer", "Yes.", "--json"], in: folder)
        #expect(opened.status == 0, "faq add: \(opened.stderr)")
        return try #require((try decodeJSON(opened) as? [String: Any])?["draft"] as? String)
    }

    /// The ref `name` names, or nil.
    func revision(_ name: String, in folder: URL? = nil) throws -> String? {
        let run = try box.git(["rev-parse", "--verify", "-q", name], in: folder)
        return run.status == 0 ? run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    /// Nothing corrupted and nothing temporary left: `git fsck --strict` is
    /// silent, no lock or libgit2 temporary under `.git`, no hidden staging
    /// folder beside the bundles, and no hook folder in `TMPDIR`.
    func expectIntact(_ repository: URL? = nil, _ comment: Comment? = nil) throws {
        let repo = repository ?? box.repo
        let fsck = try box.git(["fsck", "--strict", "--no-dangling"], in: repo)
        #expect(fsck.status == 0 && fsck.stdout.isEmpty, "git fsck: \(fsck.stdout) \(fsck.stderr) \(comment?.rawValue ?? "")")
        #expect(leftovers(in: repo.appendingPathComponent(".git")).isEmpty, "\(comment?.rawValue ?? "")")
        let bundles = repo.appendingPathComponent(".git/clinicctl/bundles")
        let staging = ((try? FileManager.default.contentsOfDirectory(atPath: bundles.path)) ?? []).filter { $0.hasPrefix(".") }
        #expect(staging.isEmpty, "bundle staging left: \(staging)")
        let temporaries = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        #expect(temporaries.isEmpty, "left in TMPDIR: \(temporaries)")
    }

    /// The pid a hook wrote into `file` (under the sandbox), once it is there.
    func pid(in file: URL) throws -> Int32 {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8),
                let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return pid
            }
            usleep(20_000)
        }
        throw SandboxError(message: "no pid in \(file.path)")
    }
}

/// True while a process with this id exists and has not exited (a zombie counts as gone).
func processIsAlive(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else {
        return false
    }
    return stat[stat.index(close, offsetBy: 2)] != "Z"
}
