import ClinicWorkflow
import Foundation
import Testing

@testable import ClinicExport

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct PublisherTests {
    /// A publisher whose hooks see only PATH and OUT (a folder they may write to).
    func publisher(_ out: URL) -> Publisher {
        Publisher(environment: ["PATH": "/usr/bin:/bin", "OUT": out.path], toolDirectory: nil, killGrace: .seconds(1))
    }

    func deployed(_ repo: URL) throws -> Revision? {
        try Publisher.deployedRevision(of: openRepository(repo))
    }

    static let recordingHook = """
        #!/bin/sh
        set -eu
        cat > "$OUT/event-$(basename "$0").json"
        env | grep '^CLINICCTL_' | sort > "$OUT/env-$(basename "$0").txt"
        echo "hello from $(basename "$0")"
        echo "to stderr" >&2
        printf 'no newline'
        """

    @Test func successRunsHooksInNameOrderAndMovesTheDeployedRecord() throws {
        try withTemporaryDirectory { dir in
            let repoURL = try makeRepository(
                at: dir,
                files: [
                    "hooks/publish.d/20-second": Self.recordingHook,
                    "hooks/publish.d/10-first": Self.recordingHook,
                    "hooks/publish.d/README.md": "not a hook\n",
                    "hooks/publish.d/15-off.disabled": "#!/bin/sh\necho not executable, not run\n",
                ])
            let repository = try openRepository(repoURL)
            let first = try repository.publishedRevision()
            var lines: [String] = []
            let result = try publisher(dir).publish(repository: repository, timeout: .seconds(20)) { lines.append($0) }
            #expect(result.recorded && !result.dryRun)
            #expect(result.hooks == ["10-first", "20-second"])
            #expect(result.previousRevision == nil)
            #expect(try git(["rev-parse", ContentRepository.deployedRef], in: repoURL) == first.hex)
            let hookLines = lines.filter { $0.hasPrefix("[") }
            #expect(
                hookLines == [
                    "[10-first] hello from 10-first", "[10-first] to stderr", "[10-first] no newline",
                    "[20-second] hello from 20-second", "[20-second] to stderr", "[20-second] no newline",
                ])

            let event = try parseJSON(try Data(contentsOf: dir.appendingPathComponent("event-10-first.json")))
            #expect(event["event"] as? String == "publish")
            #expect(event["revision"] as? String == first.hex)
            #expect(event["previousRevision"] is NSNull)
            #expect(event["publishedBranch"] as? String == "main")
            let bundleDir = try #require(event["bundleDir"] as? String)
            #expect(bundleDir == result.bundleDirectory)
            #expect(FileManager.default.fileExists(atPath: bundleDir + "/bundle.json"))
            let env = try String(contentsOf: dir.appendingPathComponent("env-10-first.txt"), encoding: .utf8)
            #expect(env.contains("CLINICCTL_BUNDLE_DIR=\(bundleDir)\n"))
            #expect(env.contains("CLINICCTL_REVISION=\(first.hex)\n"))
            #expect(env.contains("CLINICCTL_PREVIOUS_REVISION=\n"))

            let second = try commitFiles(["notes.txt": "x\n"], in: repoURL, message: "Second")
            let again = try publisher(dir).publish(repository: try openRepository(repoURL), timeout: .seconds(20)) { _ in }
            #expect(again.previousRevision == first.hex && again.revision == second.hex)
            #expect(try deployed(repoURL) == second)
            let env2 = try String(contentsOf: dir.appendingPathComponent("env-20-second.txt"), encoding: .utf8)
            #expect(env2.contains("CLINICCTL_PREVIOUS_REVISION=\(first.hex)\n"))
        }
    }

    @Test func failingHookStopsThePublishAndLeavesTheRecord() throws {
        try withTemporaryDirectory { dir in
            let repoURL = try makeRepository(at: dir, files: ["hooks/publish.d/10-ok": "#!/bin/sh\ntouch \"$OUT/ran-10\"\n"])
            let good = try openRepository(repoURL).publishedRevision()
            _ = try publisher(dir).publish(repository: try openRepository(repoURL)) { _ in }
            try FileManager.default.removeItem(at: dir.appendingPathComponent("ran-10"))
            let bad = try commitFiles(
                [
                    "hooks/publish.d/20-fail": "#!/bin/sh\necho 'cannot reach the server'\nexit 3\n",
                    "hooks/publish.d/30-after": "#!/bin/sh\ntouch \"$OUT/ran-30\"\n",
                ], in: repoURL, message: "Add failing hook")
            var lines: [String] = []
            let error = #expect(throws: PublishError.self) {
                try publisher(dir).publish(repository: try openRepository(repoURL)) { lines.append($0) }
            }
            #expect(
                error
                    == PublishError(
                        .hookFailed, hook: "20-fail",
                        "deploy hook 20-fail failed with exit status 3; refs/clinicctl/deployed stays at \(good.short). Fix the cause and run `clinicctl publish` again"
                    ))
            #expect(lines.contains("[20-fail] cannot reach the server"))
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("ran-10").path))
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("ran-30").path), "later hooks do not run")
            #expect(try deployed(repoURL) == good)
            #expect(bad != good)
        }
    }

    @Test func hangingHookIsStoppedAtTheTimeoutWithWhatItStarted() throws {
        try withTemporaryDirectory { dir in
            let repoURL = try makeRepository(
                at: dir,
                files: [
                    "hooks/publish.d/10-hang": """
                    #!/bin/sh
                    echo "waiting forever"
                    sleep 300 &
                    echo $! > "$OUT/sleep.pid"
                    wait
                    """
                ])
            let clock = ContinuousClock()
            let start = clock.now
            let error = #expect(throws: PublishError.self) {
                try publisher(dir).publish(repository: try openRepository(repoURL), timeout: .seconds(2)) { _ in }
            }
            let elapsed = clock.now - start
            #expect(
                error
                    == PublishError(
                        .hookTimedOut, hook: "10-hang",
                        "deploy hook 10-hang timed out after 2s and was stopped; nothing is recorded as deployed. Raise --timeout or fix the hook, then run `clinicctl publish` again"
                    ))
            #expect(elapsed >= .seconds(2) && elapsed < .seconds(15), "\(elapsed)")
            let pid = try #require(
                Int32(
                    String(contentsOf: dir.appendingPathComponent("sleep.pid"), encoding: .utf8)
                        .trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(!isRunning(pid), "the hook's child was stopped too")
            #expect(try deployed(repoURL) == nil)
        }
    }

    @Test func whatASucceedingHookLeavesRunningIsStopped() throws {
        try withTemporaryDirectory { dir in
            let repoURL = try makeRepository(
                at: dir,
                files: [
                    "hooks/publish.d/10-daemon": """
                    #!/bin/sh
                    sleep 300 &
                    echo $! > "$OUT/sleep.pid"
                    echo started
                    """
                ])
            let clock = ContinuousClock()
            let start = clock.now
            var lines: [String] = []
            let result = try publisher(dir).publish(repository: try openRepository(repoURL), timeout: .seconds(30)) { lines.append($0) }
            #expect(result.recorded)
            #expect(clock.now - start < .seconds(15))
            #expect(lines.filter { $0.hasPrefix("[") } == ["[10-daemon] started", "[10-daemon] (stopping processes it left running)"])
            let pid = try #require(
                Int32(
                    String(contentsOf: dir.appendingPathComponent("sleep.pid"), encoding: .utf8)
                        .trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(!isRunning(pid))
        }
    }

    @Test func theCommittedHookRunsNotTheWorkingTreesCopy() throws {
        try withTemporaryDirectory { dir in
            let repoURL = try makeRepository(at: dir, files: ["hooks/publish.d/10-which": "#!/bin/sh\necho committed\n"])
            try writeFiles(
                [
                    "hooks/publish.d/10-which": "#!/bin/sh\necho working tree\n",
                    "hooks/publish.d/20-untracked": "#!/bin/sh\necho untracked\n",
                ], in: repoURL)
            var lines: [String] = []
            let result = try publisher(dir).publish(repository: try openRepository(repoURL)) { lines.append($0) }
            #expect(result.hooks == ["10-which"])
            #expect(lines.filter { $0.hasPrefix("[") } == ["[10-which] committed"])
        }
    }

    @Test func dryRunExportsAndListsButRunsAndRecordsNothing() throws {
        try withTemporaryDirectory { dir in
            let repoURL = try makeRepository(at: dir, files: ["hooks/publish.d/10-touch": "#!/bin/sh\ntouch \"$OUT/ran\"\n"])
            var lines: [String] = []
            let result = try publisher(dir).publish(repository: try openRepository(repoURL), dryRun: true) { lines.append($0) }
            #expect(result.dryRun && !result.recorded && result.hooks == ["10-touch"])
            #expect(lines.last == "Dry run: would run 10-touch; nothing was run or recorded")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("ran").path))
            #expect(FileManager.default.fileExists(atPath: result.bundleDirectory + "/manifest.json"))
            #expect(try deployed(repoURL) == nil)
        }
    }

    @Test func publishingAnOlderRevisionRecordsThatRevision() throws {
        try withTemporaryDirectory { dir in
            let repoURL = try makeRepository(at: dir)
            let first = try openRepository(repoURL).publishedRevision()
            try commitFiles(["notes.txt": "x\n"], in: repoURL, message: "Second")
            let result = try publisher(dir).publish(repository: try openRepository(repoURL), revision: first) { _ in }
            #expect(result.recorded && result.hooks.isEmpty)
            #expect(try deployed(repoURL) == first)
        }
    }

    /// Whether `pid` is still a live process (a zombie awaiting its reaper counts as stopped).
    func isRunning(_ pid: Int32) -> Bool {
        for _ in 0..<20 {
            guard kill(pid, 0) == 0,
                let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            if stat[stat.index(close, offsetBy: 2)] == "Z" { return false }
            usleep(100_000)
        }
        return true
    }
}
