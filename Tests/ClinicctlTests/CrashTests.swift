import ClinicTestSupport
import Foundation
import Testing

/// Commands killed with SIGKILL at any moment, and at the moments that
/// matter most, never leave a broken repository, a half-written bundle, a
/// stray temporary file, or anything the next command trips over.
///
/// `CLINICCTL_CRASH_COUNT` kills (default 60, about 30 s here) at random
/// moments of random operations, seeded by `CLINICCTL_CRASH_SEED` (printed on
/// failure) so that a failing run can be replayed. The default seed is fixed,
/// so that every run of the suite (CI's included) makes the same choices;
/// a fresh seed each run (`CLINICCTL_CRASH_SEED=$RANDOM`) explores more.
@Suite("crashes", .serialized)
struct CrashTests {
    static let count = ProcessInfo.processInfo.environment["CLINICCTL_CRASH_COUNT"].flatMap(Int.init) ?? 60
    static let seed =
        ProcessInfo.processInfo.environment["CLINICCTL_CRASH_SEED"].flatMap(UInt64.init) ?? defaultSeed
    static let defaultSeed: UInt64 = 20_261_129

    /// One operation of the office or the reviewer, chosen for the current state.
    static func operation(_ step: Int, bench: CrashBench, random: inout SeededRandom) throws -> (arguments: [String], as: String) {
        let drafts = try bench.drafts()
        let kind = Int.random(in: 0..<8, using: &random)
        if drafts.isEmpty || kind < 2 {
            return (["faq", "add", "--question", "Crash question \(step)?", "--answer", "Answer \(step)."], Sandbox.manager)
        }
        let draft = drafts.randomElement(using: &random)!
        switch kind {
        case 2: return (["faq", "add", "--question", "More \(step)?", "--answer", "Yes.", "--draft", draft], Sandbox.manager)
        case 3: return (["draft", "update", draft], Sandbox.manager)
        case 4:
            let tip = try bench.box.gitOutput(["rev-parse", "drafts/\(draft)"])
            return (["review", "approve", draft, "--tip", tip], Sandbox.reviewer)
        case 5: return (["review", "reject", draft, "--reason", "Not now (\(step))."], Sandbox.reviewer)
        case 6: return (["revert", try bench.box.gitOutput(["rev-parse", "main"])], Sandbox.manager)
        default: return (["publish"], Sandbox.manager)
        }
    }

    /// After a kill, the next command ends as a command should: done, or
    /// refused with a clear message that is not about the crash's debris.
    static func expectClean(_ run: Run, _ arguments: [String], seed: UInt64) {
        // A note that an abandoned lock file was cleared is expected after a kill; what follows must be clear.
        let lines = run.stderr.split(separator: "\n").filter { !$0.hasPrefix("note: ") }
        let stderr = lines.joined(separator: "\n")
        let debris = ["lock", "corrupt", "incomplete", "No such file", "fatal"]
        let clear = run.status == 0 || ((run.status == 1 || run.status == 64) && stderr.hasPrefix("error: "))
        #expect(clear, "seed \(seed): \(arguments) ended \(run.status): \(run.stderr)")
        for word in debris where run.status != 0 {
            #expect(!stderr.contains(word), "seed \(seed): \(arguments) tripped over a crash's leftovers: \(run.stderr)")
        }
    }

    @Test("operations killed at random moments, each followed by the next command, leave everything sound")
    func randomKills() throws {
        let bench = try CrashBench()
        var random = SeededRandom(state: Self.seed)
        var kills = 0
        var step = 0
        while kills < Self.count {
            step += 1
            let (arguments, person) = try Self.operation(step, bench: bench, random: &random)
            // Most commands here take 30-300 ms; some kills land before they start, some after they end.
            let delay = Duration.milliseconds(Int.random(in: 0...250, using: &random))
            if try bench.runKilled(arguments, as: person, delay: delay) != nil {
                kills += 1
                let (next, nextPerson) = try Self.operation(step, bench: bench, random: &random)
                Self.expectClean(try bench.run(next, as: nextPerson), next, seed: Self.seed)
            }
        }
        // A Git reference lock younger than 2 s may be a live writer's and is left
        // alone; by now the last kill's is older, and an approval (which holds every
        // clinicctl lock an approval takes) clears it, as the next writer would.
        usleep(2_100_000)
        let approval = try Self.approveNewDraft(bench)
        Self.expectClean(try bench.run(approval, as: Sandbox.reviewer), approval, seed: Self.seed)
        Self.expectClean(try bench.run(["publish"]), ["publish"], seed: Self.seed)
        try bench.expectSoundAfterCrashes()
        print("crash test: \(kills) kills in \(step) operations, seed \(Self.seed)")
    }

    /// Each chosen point, reached by the commands that reach it.
    static let chosen: [(point: String, arguments: @Sendable (CrashBench) throws -> [String], as: String)] = [
        ("before-ref-update", { _ in ["faq", "add", "--question", "Paused edit?", "--answer", "Yes."] }, Sandbox.manager),
        ("before-ref-update", { try approveNewDraft($0) }, Sandbox.reviewer),
        ("before-ref-update", { _ in ["publish"] }, Sandbox.manager),
        ("during-bundle-swap", { _ in ["publish"] }, Sandbox.manager),
        ("during-bundle-swap", { try approveNewDraft($0) }, Sandbox.reviewer),
        ("during-hook", { _ in ["publish"] }, Sandbox.manager),
        ("during-hook", { try approveNewDraft($0) }, Sandbox.reviewer),
    ]

    /// Opens a draft and names the approval of its tip.
    static func approveNewDraft(_ bench: CrashBench) throws -> [String] {
        let opened = try bench.run(["faq", "add", "--question", "To approve \(UUID().uuidString.prefix(6))?", "--answer", "Yes.", "--json"])
        let draft = try #require((try decodeJSON(opened) as? [String: Any])?["draft"] as? String)
        return ["review", "approve", draft, "--tip", try bench.box.gitOutput(["rev-parse", "drafts/\(draft)"])]
    }

    @Test("killed at each chosen point: the next command works and nothing is half-written", arguments: 0..<7)
    func chosenPoint(_ index: Int) throws {
        let bench = try CrashBench()
        let (point, arguments, person) = Self.chosen[index]
        let command = try arguments(bench)
        let before = try bench.box.gitOutput(["for-each-ref", "--format=%(refname) %(objectname)"])
        let killed = try bench.runKilled(command, as: person, delay: .zero, point: point)
        #expect(killed != nil, "\(point): the command reached the point and was killed there")
        #expect(FileManager.default.fileExists(atPath: bench.marker.path))
        if point == "before-ref-update" {
            // Killed before its first reference moved: every reference is as it was.
            #expect(try bench.box.gitOutput(["for-each-ref", "--format=%(refname) %(objectname)"]) == before)
        }
        Self.expectClean(try bench.run(["faq", "add", "--question", "After the crash?", "--answer", "Yes."]), ["faq add"], seed: 0)
        Self.expectClean(try bench.run(["publish"]), ["publish"], seed: 0)
        try bench.expectSoundAfterCrashes()
    }
}
