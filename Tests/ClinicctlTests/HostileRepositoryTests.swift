import Foundation
import Testing

/// Repositories in states clinicctl did not make (a deleted published branch,
/// a shallow clone, a detached HEAD, local changes under a draft's file),
/// through the built binary: each command works or says clearly why not, and
/// nothing is lost, corrupted or left behind.
@Suite("hostile surroundings: repository states")
struct HostileRepositoryTests {
    /// A refusal: exit 1, an `error:` line, and the words that say what to do.
    static func expectClearRefusal(_ run: Run, mentioning words: [String], _ command: String) {
        #expect(run.status == 1, "\(command) ended \(run.status): \(run.stderr)")
        // Notes may come first (a clone that does not record its published branch says so).
        #expect(run.stderr.hasPrefix("error: ") || run.stderr.contains("\nerror: "), "\(command): \(run.stderr)")
        for word in words { #expect(run.stderr.contains(word), "\(command) says \(word): \(run.stderr)") }
    }

    @Test("the published branch deleted: every command says so and names it, and nothing is written")
    func publishedBranchMissing() throws {
        let bench = try HostileBench()
        let draft = try bench.openDraft("Before the branch went?")
        try bench.box.gitOutput(["update-ref", "-d", "refs/heads/main"])
        let before = try bench.box.snapshot()
        let commands: [(arguments: [String], as: String)] = [
            (["status"], Sandbox.manager),
            (["faq", "add", "--question", "After the branch went?", "--answer", "Yes."], Sandbox.manager),
            (["review", "approve", draft], Sandbox.reviewer),
            (["publish"], Sandbox.manager),
            (["history"], Sandbox.manager),
        ]
        for (arguments, person) in commands {
            let run = try bench.run(arguments, as: person)
            Self.expectClearRefusal(run, mentioning: ["main is missing", "restore it"], arguments.joined(separator: " "))
        }
        #expect(try bench.box.snapshot() == before, "nothing was written")
        // An open draft has its own base: it can still be edited.
        let edited = try bench.run(["faq", "add", "--question", "Into the open draft?", "--answer", "Yes.", "--draft", draft])
        #expect(edited.status == 0, "\(edited.stderr)")
        try bench.expectIntact()
    }

    @Test("a shallow clone (git clone --depth 1): each command works or says so and how to fetch the rest, writing nothing")
    func shallowClone() throws {
        let bench = try HostileBench()
        for number in 1...3 {
            let draft = try bench.openDraft("Earlier question \(number)?")
            let tip = try #require(try bench.revision("drafts/\(draft)"))
            let approved = try bench.run(["review", "approve", draft, "--tip", tip, "--no-publish"], as: Sandbox.reviewer)
            #expect(approved.status == 0, "\(approved.stderr)")
        }
        let shallow = bench.box.root.appendingPathComponent("shallow")
        let cloned = try bench.box.git(["clone", "-q", "--depth", "1", "file://\(bench.box.repo.path)", shallow.path], in: bench.box.root)
        try #require(cloned.status == 0, "\(cloned.stderr)")
        #expect(FileManager.default.fileExists(atPath: shallow.appendingPathComponent(".git/shallow").path))
        // Each command works, or says it is a shallow clone and how to fetch the rest, changing nothing.
        let draft = try bench.openDraft("Asked in a shallow clone?", in: shallow)
        let tip = try #require(try bench.revision("drafts/\(draft)", in: shallow))
        let commands = [["status"], ["validate"], ["faq", "list"], ["history"], ["review", "approve", draft, "--tip", tip, "--local"]]
        for arguments in commands {
            let refs = try bench.box.gitOutput(["-C", shallow.path, "for-each-ref", "--format=%(refname) %(objectname)"])
            let run = try bench.run(arguments, as: Sandbox.reviewer, in: shallow)
            guard run.status != 0 else { continue }
            Self.expectClearRefusal(run, mentioning: ["shallow clone", "git fetch --unshallow"], arguments.joined(separator: " "))
            #expect(try bench.box.gitOutput(["-C", shallow.path, "for-each-ref", "--format=%(refname) %(objectname)"]) == refs)
        }
        try bench.expectIntact(shallow)
        // After fetching the rest, everything works.
        try #require(try bench.box.git(["fetch", "-q", "--unshallow"], in: shallow).status == 0)
        for arguments in [["status"], ["history"], ["review", "approve", draft, "--tip", tip, "--local"]] {
            let run = try bench.run(arguments, as: Sandbox.reviewer, in: shallow)
            #expect(run.status == 0, "\(arguments) after unshallowing: \(run.stderr)")
        }
        let landed = try bench.box.git(["grep", "-q", "Asked in a shallow clone?", "main", "--", "content/faq"], in: shallow)
        #expect(landed.status == 0, "the approved question is on main")
        try bench.expectIntact(shallow)
    }

    @Test("a detached HEAD: edits and approvals work, HEAD and the files stay where the person put them")
    func detachedHead() throws {
        let bench = try HostileBench()
        let base = try #require(try bench.revision("main"))
        try bench.box.gitOutput(["checkout", "-q", "--detach", "main"])
        let draft = try bench.openDraft("Asked on a detached HEAD?")
        let tip = try #require(try bench.revision("drafts/\(draft)"))
        let approved = try bench.run(["review", "approve", draft, "--tip", tip], as: Sandbox.reviewer)
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(try bench.revision("main") != base, "the approval landed on main")
        #expect(try bench.box.gitOutput(["rev-parse", "HEAD"]) == base, "HEAD stays detached where it was")
        #expect(try bench.box.git(["symbolic-ref", "-q", "HEAD"]).status != 0)
        #expect(try bench.box.gitOutput(["status", "--porcelain"]).isEmpty, "the working tree is untouched")
        #expect(try bench.run(["status"]).status == 0)
        try bench.expectIntact()
    }

    @Test("local changes to a file the draft changes: approve lands, keeps every local byte, and says so")
    func localChangesUnderTheDraftsFile() throws {
        let bench = try HostileBench()
        let file = try #require(
            try FileManager.default.contentsOfDirectory(atPath: bench.box.repo.appendingPathComponent("content/faq").path)
                .filter { $0.hasSuffix(".md") }.sorted().first)
        let entry = String(file.dropLast(3))
        let opened = try bench.run(["faq", "edit", entry, "--answer", "A reviewed new answer.", "--json"])
        #expect(opened.status == 0, "\(opened.stderr)")
        let draft = try #require((try decodeJSON(opened) as? [String: Any])?["draft"] as? String)
        let url = bench.box.repo.appendingPathComponent("content/faq/\(file)")
        let local = try String(contentsOf: url, encoding: .utf8) + "\nA sentence the office manager is still writing.\n"
        try Data(local.utf8).write(to: url)
        let tip = try #require(try bench.revision("drafts/\(draft)"))
        let approved = try bench.run(["review", "approve", draft, "--tip", tip], as: Sandbox.reviewer)
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.contains("local changes in the approved files; it was left as it was"), "\(approved.stdout)")
        #expect(try String(contentsOf: url, encoding: .utf8) == local, "the local work is kept byte for byte")
        #expect(try bench.box.show("main", "content/faq/\(file)").contains("A reviewed new answer."))
        try bench.expectIntact()
    }
}
