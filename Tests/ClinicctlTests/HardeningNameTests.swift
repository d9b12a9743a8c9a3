import Foundation
import Testing

/// Names typed after `--rev` (issue 22, item 5): anyone with push access can make a tag or a
/// branch with any name, so the published branch and the drafts come first, and a name
/// that means several things says so.
@Suite("hardening: revision names")
struct HardeningNameTests {
    static let faq = "is-the-procedure-painful"
    static let published = "Most patients do not feel the insertion of the needle."

    /// A repository with the draft `painful`, whose answer ("Hardly.") differs from the published one.
    func sandboxWithDraft() throws -> Sandbox {
        let box = try Sandbox()
        let opened = try box.clinicctl(["faq", "edit", Self.faq, "--answer", "Hardly.", "--draft-name", "painful"])
        #expect(opened.status == 0, "\(opened.stderr)")
        return box
    }

    @Test("a tag named main does not shadow the published branch: --rev main reads the branch and says the name is ambiguous")
    func tagNamedMain() throws {
        let box = try sandboxWithDraft()
        // An editor's tag, made with plain Git, at the draft's tip.
        #expect(try box.git(["tag", "main", "drafts/painful"]).status == 0)
        let published = try box.gitOutput(["rev-parse", "refs/heads/main"])
        for revision in ["main", "main~0", "main^{commit}"] {
            let shown = try box.clinicctl(["faq", "show", Self.faq, "--rev", revision])
            #expect(shown.status == 0, "\(revision): \(shown.stderr)")
            #expect(shown.stdout.contains(Self.published) && !shown.stdout.contains("Hardly."), "\(revision): \(shown.stdout)")
            #expect(shown.stderr.contains("ambiguous") && shown.stderr.contains("refs/tags/main"), "\(revision): \(shown.stderr)")
        }
        let validated = try box.clinicctl(["validate", "--rev", "main"])
        #expect((validated.stdout + validated.stderr).contains("main (\(published.prefix(7)))"), "\(validated.stderr)")
        let out = box.root.appendingPathComponent("bundle")
        #expect(try box.clinicctl(["export", "--rev", "main", "--out", out.path]).status == 0)
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains(published), "the export is of the published branch: \(manifest)")
        // The tag is still there for whoever names it in full.
        let tag = try box.clinicctl(["faq", "show", Self.faq, "--rev", "refs/tags/main"])
        #expect(tag.stdout.contains("Hardly."), "\(tag.stdout)")
        #expect(!tag.stderr.contains("ambiguous"), "\(tag.stderr)")
    }

    @Test("a tag and a branch named like a draft do not shadow the draft; a name only a tag has still reads it")
    func tagAndBranchNamedLikeADraft() throws {
        let box = try sandboxWithDraft()
        #expect(try box.git(["tag", "painful", "main"]).status == 0)
        #expect(try box.git(["branch", "painful", "main"]).status == 0)
        let shown = try box.clinicctl(["faq", "show", Self.faq, "--rev", "painful"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Hardly."), "the draft is read: \(shown.stdout)")
        #expect(shown.stderr.contains("ambiguous"), "\(shown.stderr)")
        #expect(shown.stderr.contains("refs/heads/painful") && shown.stderr.contains("refs/tags/painful"), "\(shown.stderr)")

        #expect(try box.git(["tag", "before-painful", "main"]).status == 0)
        let tagged = try box.clinicctl(["faq", "show", Self.faq, "--rev", "before-painful"])
        #expect(tagged.status == 0 && tagged.stdout.contains(Self.published), "\(tagged.stdout) \(tagged.stderr)")
        #expect(tagged.stderr.isEmpty, "one meaning, nothing to say: \(tagged.stderr)")
        let draft = try box.gitOutput(["rev-parse", "drafts/painful"])
        let byID = try box.clinicctl(["faq", "show", Self.faq, "--rev", String(draft.prefix(10))])
        #expect(byID.stdout.contains("Hardly."), "\(byID.stdout) \(byID.stderr)")
    }

    @Test("the published branch is preferred under its own name even when it is not main")
    func publishedBranchNotMain() throws {
        let box = try Sandbox(initArguments: ["--branch", "live"])
        #expect(try box.clinicctl(["faq", "edit", Self.faq, "--answer", "Hardly.", "--draft-name", "painful"]).status == 0)
        // A draft named after the published branch, and a tag: neither replaces it.
        #expect(try box.git(["branch", "drafts/live", "drafts/painful"]).status == 0)
        #expect(try box.git(["tag", "live", "drafts/painful"]).status == 0)
        let shown = try box.clinicctl(["faq", "show", Self.faq, "--rev", "live"])
        #expect(shown.stdout.contains(Self.published) && !shown.stdout.contains("Hardly."), "\(shown.stdout)")
        #expect(shown.stderr.contains("ambiguous") && shown.stderr.contains("refs/tags/live"), "\(shown.stderr)")
        #expect(shown.stderr.contains("refs/heads/drafts/live"), "\(shown.stderr)")
    }

    @Test("a branch named like the start of a commit id is refused as ambiguous; the whole id reads the commit")
    func branchNamedLikeACommitID() throws {
        let box = try sandboxWithDraft()
        let published = try box.gitOutput(["rev-parse", "main"])
        let short = String(published.prefix(8))
        #expect(try box.git(["branch", short, "drafts/painful"]).status == 0)
        let run = try box.clinicctl(["faq", "show", Self.faq, "--rev", short])
        #expect(run.status == 64, "\(run.stdout) \(run.stderr)")
        #expect(run.stderr.contains("\"\(short)\" is ambiguous") && run.stderr.contains("refs/heads/\(short)"), "\(run.stderr)")
        #expect(!run.stdout.contains("Hardly."))
        let whole = try box.clinicctl(["faq", "show", Self.faq, "--rev", published])
        #expect(whole.status == 0 && whole.stdout.contains(Self.published), "\(whole.stdout) \(whole.stderr)")
    }

    @Test("an unknown name is still refused by name")
    func unknownName() throws {
        let box = try sandboxWithDraft()
        let run = try box.clinicctl(["faq", "show", Self.faq, "--rev", "no-such-thing"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("there is no revision \"no-such-thing\""), "\(run.stderr)")
    }
}
