import Foundation
import Testing

/// Many office managers and reviewers at once, through the built binary:
/// contention alone never makes a write fail, and nothing is lost or doubled.
///
/// The issue's counts (8 × 25, 8 × 10, 4 approvals) take about 85 s on two
/// shared cores, so by default each process makes half as many edits (8 × 13,
/// 8 × 5); `CLINICCTL_STRESS_SCALE=1` runs the issue's numbers.
@Suite("concurrent editors", .serialized)
struct ConcurrencyTests {
    static let scale = ProcessInfo.processInfo.environment["CLINICCTL_STRESS_SCALE"].flatMap(Double.init) ?? 0.5

    static func count(_ full: Int) -> Int { max(1, Int((Double(full) * scale).rounded())) }

    /// Runs `processes` workers at once, each running `perProcess` commands made by `command`.
    static func runAtOnce(processes: Int, perProcess: Int, _ command: @escaping @Sendable (Int, Int) throws -> Run) -> [Run] {
        let runs = Locked<[Run]>([])
        DispatchQueue.concurrentPerform(iterations: processes) { process in
            for edit in 0..<perProcess {
                let run =
                    (try? command(process, edit)) ?? Run(status: -1, stdout: "", stderr: "could not start clinicctl")
                runs.update { $0.append(run) }
            }
        }
        return runs.value
    }

    @Test("8 processes × 25 edits, each into its own new draft: every edit lands exactly once")
    func ownDrafts() throws {
        let box = try Sandbox()
        let perProcess = Self.count(25)
        let runs = Self.runAtOnce(processes: 8, perProcess: perProcess) { process, edit in
            try box.clinicctl([
                "faq", "add", "--question", "Process \(process) edit \(edit)?", "--answer", "Answer \(process)-\(edit).", "--json",
            ])
        }
        let failures = runs.filter { $0.status != 0 }
        #expect(failures.isEmpty, "contention made edits fail: \(failures.map(\.stderr))")
        let drafts = runs.filter { $0.status == 0 }.compactMap { (try? decodeJSON($0) as? [String: Any])?["draft"] as? String }
        #expect(drafts.count == 8 * perProcess)
        #expect(Set(drafts).count == drafts.count, "two edits reported the same new draft")
        let refs = try box.gitOutput(["for-each-ref", "--format=%(refname:short)", "refs/heads/drafts/"]).split(separator: "\n")
        #expect(refs.count == drafts.count, "every success is a draft, and nothing else is")
        for draft in drafts {
            #expect(try box.gitOutput(["rev-list", "--count", "main..drafts/\(draft)"]) == "1", "draft \(draft) holds its one edit")
        }
        try expectSound(box)
    }

    @Test("8 processes × 10 edits into one shared draft: every edit lands exactly once")
    func sharedDraft() throws {
        let box = try Sandbox()
        let opened = try box.clinicctl(["faq", "add", "--question", "Shared start?", "--answer", "Yes."])
        #expect(opened.status == 0, "\(opened.stderr)")
        let perProcess = Self.count(10)
        let runs = Self.runAtOnce(processes: 8, perProcess: perProcess) { process, edit in
            try box.clinicctl([
                "faq", "add", "--question", "Shared \(process) \(edit)?", "--answer", "Answer.", "--draft", "faq-shared-start",
            ])
        }
        let failures = runs.filter { $0.status != 0 }
        #expect(failures.isEmpty, "contention made edits fail: \(failures.map(\.stderr))")
        let successes = runs.count - failures.count
        #expect(try box.gitOutput(["rev-list", "--count", "main..drafts/faq-shared-start"]) == "\(successes + 1)")
        let files = try box.gitOutput(["ls-tree", "--name-only", "drafts/faq-shared-start", "content/faq/"])
        for process in 0..<8 {
            for edit in 0..<perProcess {
                let count = files.split(separator: "\n").filter { $0.hasSuffix("/shared-\(process)-\(edit).md") }.count
                #expect(count == 1, "edit \(process)-\(edit) is in the draft exactly once")
            }
        }
        try expectSound(box)
    }

    @Test("4 approvals at once, two of them conflicting: one of the pair wins, the rest land, main stays valid")
    func approvalsAtOnce() throws {
        let box = try Sandbox()
        let edits = [
            ["faq", "edit", "is-the-procedure-painful", "--answer", "Hardly."],
            ["faq", "edit", "is-the-procedure-painful", "--answer", "A little.", "--draft-name", "painful-second-opinion"],
            ["faq", "add", "--question", "Parking?", "--answer", "Free."],
            ["faq", "add", "--question", "Wheelchair access?", "--answer", "Yes."],
        ]
        var drafts: [String] = []
        for edit in edits {
            let run = try box.clinicctl(edit + ["--json"])
            #expect(run.status == 0, "\(run.stderr)")
            drafts.append(try #require((try decodeJSON(run) as? [String: Any])?["draft"] as? String))
        }
        let runs = Locked<[String: Run]>([:])
        let opened = drafts
        DispatchQueue.concurrentPerform(iterations: drafts.count) { index in
            let run =
                (try? box.clinicctl(["review", "approve", opened[index]], as: Sandbox.reviewer))
                ?? Run(status: -1, stdout: "", stderr: "could not start clinicctl")
            runs.update { $0[opened[index]] = run }
        }
        let results = runs.value
        let pair = drafts[0...1].map { results[$0]! }
        #expect(pair.filter { $0.status == 0 }.count == 1, "exactly one of two conflicting approvals lands")
        for loser in pair where loser.status != 0 {
            #expect(
                loser.stderr.contains("conflicts with changes published") || loser.stderr.contains("changed the same field differently"),
                "the other is explained: \(loser.stderr)")
        }
        for draft in drafts[2...3] { #expect(results[draft]?.status == 0, "\(results[draft]?.stderr ?? "")") }
        let merges = try box.gitOutput(["log", "--first-parent", "--format=%(trailers:key=Draft,valueonly)", "main"])
        for (draft, run) in results where run.status == 0 {
            #expect(merges.split(separator: "\n").filter { $0 == draft }.count == 1, "approval of \(draft) is on main exactly once")
        }
        #expect(try box.clinicctl(["validate"]).status == 0, "the published content is valid after the approvals")
        try expectSound(box)
    }

    @Test("a lock left by a process that died is taken over, with a message, and removed")
    func staleLock() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(["faq", "add", "--question", "Stale?", "--answer", "Yes."]).status == 0)
        // A process that has ended: its id is not running any more.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let folder = box.repo.appendingPathComponent(".git/clinicctl-locks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lock = folder.appendingPathComponent("draft-faq-stale.lock")
        try Data("\(gone.processIdentifier) started at 1\n".utf8).write(to: lock)
        let run = try box.clinicctl(["faq", "add", "--question", "After?", "--answer", "Yes.", "--draft", "faq-stale"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("recovered the lock on draft faq-stale left by process \(gone.processIdentifier)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lock.path))
        try expectSound(box)
    }
}

/// After any storm: Git agrees nothing is broken, and no lock or temporary file is left.
func expectSound(_ box: Sandbox) throws {
    let fsck = try box.git(["fsck", "--strict", "--no-dangling"])
    #expect(fsck.status == 0 && fsck.stderr.isEmpty && fsck.stdout.isEmpty, "git fsck: \(fsck.stdout) \(fsck.stderr)")
    #expect(
        leftovers(in: box.repo.appendingPathComponent(".git")).isEmpty,
        "left behind: \(leftovers(in: box.repo.appendingPathComponent(".git")))")
}

/// Lock and temporary files under `folder`: what a clean stop never leaves.
func leftovers(in folder: URL) -> [String] {
    let paths = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
    return paths.filter { path in
        let name = (path as NSString).lastPathComponent
        return name.hasSuffix(".lock") || name.hasPrefix("tmp_") || name.hasPrefix(".tmp") || name.contains("_git2_")
    }
}
