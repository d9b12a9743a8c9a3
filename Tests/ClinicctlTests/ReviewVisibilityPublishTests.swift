import Foundation
import Testing

@Suite("review visibility: only approved states are published")
struct ReviewVisibilityPublishTests {
    /// A sandbox whose main has one approval on top of the first commit, and the draft `sneaky` with a hook.
    func sandbox() throws -> Sandbox {
        let box = try Sandbox()
        #expect(try box.clinicctl(["clinic", "set", "--phone", "+1 312 555 0199"]).status == 0)
        let approve = try box.clinicctl(["review", "approve", "clinic", "--no-publish"], as: Sandbox.reviewer)
        #expect(approve.status == 0, "\(approve.stderr)")
        try box.plainGitDraft("sneaky") { _ in try box.addSneakyHook() }
        return box
    }

    @Test("publish --rev of a draft tip, or of a commit not on main's first-parent line, is refused: nothing written or run")
    func refused() throws {
        let box = try sandbox()
        let side = try box.gitOutput(["rev-parse", "main^2"])
        let bundles = box.repo.appendingPathComponent(".git/clinicctl/bundles")
        for rev in ["drafts/sneaky", side] {
            let before = try box.snapshot()
            let run = try box.clinicctl(["publish", "--rev", rev])
            #expect(run.status == 1)
            #expect(run.stderr.contains("was never the published state of main"), "\(run.stderr)")
            #expect(try box.snapshot() == before)
            #expect(try box.git(["rev-parse", "-q", "--verify", "refs/clinicctl/deployed"]).status != 0)
            #expect(!FileManager.default.fileExists(atPath: bundles.path))
            #expect(!FileManager.default.fileExists(atPath: box.hookMark.path))
        }
    }

    @Test("publish --rev of an earlier published state is a rollback, allowed")
    func rollback() throws {
        let box = try sandbox()
        let run = try box.clinicctl(["publish", "--rev", "main~1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try box.gitOutput(["rev-parse", "refs/clinicctl/deployed"]) == (try box.gitOutput(["rev-parse", "main~1"])))
    }

    @Test("export --rev of any revision works, and its manifest says whether it was approved")
    func exportApprovedFlag() throws {
        let box = try sandbox()
        for (rev, approved) in [("main", true), ("main~1", true), ("drafts/sneaky", false), ("main^2", false)] {
            let out = box.root.appendingPathComponent("out-\(approved)-\(UUID().uuidString)")
            let run = try box.clinicctl(["export", "--rev", rev, "--out", out.path])
            #expect(run.status == 0, "\(run.stderr)")
            let manifest =
                try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any]
            #expect(manifest?["approved"] as? Bool == approved, "\(rev)")
        }
    }
}
