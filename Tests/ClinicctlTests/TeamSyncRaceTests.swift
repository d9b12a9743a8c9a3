import Foundation
import Testing

/// Two reviewers approving different drafts at the same moment (issue 22, item 6): the one
/// whose approval reaches the server second merges again on the new tip, as docs/team.md
/// promises, and never fails with Git's `cannot lock ref`.
///
/// The server's check takes a moment (`slowCheck`), as a real one does on a busy host, so both
/// pushes are inside the server at once and the second one's compare-and-swap loses: that is
/// when the server answers `cannot lock ref`. Each test runs a bounded number of rounds.
@Suite("Team: two approvals at the same moment", .serialized)
struct TeamSyncRaceTests {
    static let rounds = 2

    /// A folder whose `clinicctl` runs the one just built, pausing first in the server's pre-receive check.
    static func slowCheck() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicctl-slow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("clinicctl")
        try """
        #!/bin/sh
        if [ "$1" = hooks ] && [ "$2" = pre-receive ]; then touch '\(folder.path)/receiving'; sleep 1; fi
        exec '\(clinicctlBinary.path)' "$@"

        """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return folder
    }

    /// A guarded server whose check is slow, the office, and Rita's and Sam's clones.
    static func team() throws -> (Team, office: URL, laptop: URL, desk: URL, cleanup: URL) {
        let slow = try slowCheck()
        let path =
            slow.path + ":" + clinicctlBinary.deletingLastPathComponent().path + ":"
            + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let team = try Team(serverEnvironment: ["PATH": path])
        let install = try team.box.clinicctl(["hooks", "install", "--server", "--repo", team.box.repo.path], in: team.box.root)
        #expect(install.status == 0, "\(install.stderr)")
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let (desk, _) = try team.clone("desk", as: Sandbox.secondReviewer)
        return (team, office, laptop, desk, slow)
    }

    /// Two new drafts from the office, on the server and in both reviewers' clones.
    static func twoDrafts(round: Int, team: Team, office: URL, clones: [URL]) throws -> [String] {
        let ids = ["race-\(round)-rita", "race-\(round)-sam"]
        for id in ids {
            let opened = try team.box.clinicctl(
                ["faq", "add", "--question", "Round \(round), \(id)?", "--answer", "Yes.", "--draft-name", id], in: office)
            #expect(opened.status == 0, "\(opened.stderr)")
        }
        #expect(try team.box.clinicctl(["sync"], in: office).status == 0)
        for clone in clones { #expect(try team.box.clinicctl(["sync"], as: Sandbox.reviewer, in: clone).status == 0) }
        return ids
    }

    /// Runs both commands at the same moment, each as its own clinicctl process.
    static func atOnce(_ first: @escaping @Sendable () throws -> Run, _ second: @escaping @Sendable () throws -> Run) -> [Run] {
        let runs = Locked<[Int: Run]>([:])
        let commands = [first, second]
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let run = (try? commands[index]()) ?? Run(status: -1, stdout: "", stderr: "could not start clinicctl")
            runs.update { $0[index] = run }
        }
        return [runs.value[0]!, runs.value[1]!]
    }

    /// Each approval is on the server's published branch exactly once.
    static func expectOnServer(_ ids: [String], _ team: Team) throws {
        let merges = try team.box.gitOutput(["log", "--first-parent", "--format=%(trailers:key=Draft,valueonly)", "main"])
            .split(separator: "\n").map(String.init)
        for id in ids { #expect(merges.filter { $0 == id }.count == 1, "approval of \(id) on the server: \(merges)") }
    }

    @Test("review approve in two clones at once: both approvals reach the server, the second merged again on the first")
    func approvalsThroughTheServerAtOnce() throws {
        let (team, office, laptop, desk, slow) = try Self.team()
        defer { try? FileManager.default.removeItem(at: slow) }
        let box = team.box
        for round in 0..<Self.rounds {
            let ids = try Self.twoDrafts(round: round, team: team, office: office, clones: [laptop, desk])
            let runs = Self.atOnce(
                { try box.clinicctl(["review", "approve", ids[0], "--no-publish"], as: Sandbox.reviewer, in: laptop) },
                { try box.clinicctl(["review", "approve", ids[1], "--no-publish"], as: Sandbox.secondReviewer, in: desk) })
            for run in runs {
                #expect(run.status == 0, "round \(round): \(run.stdout) \(run.stderr)")
                #expect(!run.stderr.contains("cannot lock ref"), "round \(round): \(run.stderr)")
            }
            try Self.expectOnServer(ids, team)
        }
        #expect(try box.clinicctl(["validate", "--rev", "main"], in: laptop).status == 0)
    }

    @Test("sync in two clones at once after approving offline: the second sync makes its approval again on the new tip")
    func offlineApprovalsSyncedAtOnce() throws {
        let (team, office, laptop, desk, slow) = try Self.team()
        defer { try? FileManager.default.removeItem(at: slow) }
        let box = team.box
        for round in 0..<Self.rounds {
            let ids = try Self.twoDrafts(round: round, team: team, office: office, clones: [laptop, desk])
            let ritas = try box.clinicctl(["review", "approve", ids[0], "--local", "--no-publish"], as: Sandbox.reviewer, in: laptop)
            let sams = try box.clinicctl(["review", "approve", ids[1], "--local", "--no-publish"], as: Sandbox.secondReviewer, in: desk)
            #expect(ritas.status == 0 && sams.status == 0, "\(ritas.stderr) \(sams.stderr)")
            let runs = Self.atOnce(
                { try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop) },
                { try box.clinicctl(["sync"], as: Sandbox.secondReviewer, in: desk) })
            for run in runs {
                #expect(run.status == 0, "round \(round): \(run.stdout) \(run.stderr)")
                #expect(!(run.stdout + run.stderr).contains("cannot lock ref"), "round \(round): \(run.stdout) \(run.stderr)")
            }
            let again = "approved here while the server moved on; approved again on the server's content and sent"
            #expect(runs.filter { $0.stdout.contains(again) }.count == 1, "the second made its approval again: \(runs.map(\.stdout))")
            try Self.expectOnServer(ids, team)
            let server = try team.serverRef("refs/heads/main")
            #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)
            #expect(try box.clinicctl(["sync"], as: Sandbox.secondReviewer, in: desk).status == 0)
            for clone in [laptop, desk] { #expect(try teamGitOutput(team, ["rev-parse", "main"], in: clone) == server) }
        }
    }

    @Test("an approval in the server's own repository lands while a clone's approval is being checked there: both land")
    func approvalOnTheServerWhileAPushArrives() throws {
        let (team, office, laptop, _, slow) = try Self.team()
        defer { try? FileManager.default.removeItem(at: slow) }
        let box = team.box
        let receiving = slow.appendingPathComponent("receiving")
        for round in 0..<Self.rounds {
            let ids = try Self.twoDrafts(round: round, team: team, office: office, clones: [laptop])
            try? FileManager.default.removeItem(at: receiving)
            let runs = Self.atOnce(
                { try box.clinicctl(["review", "approve", ids[0], "--no-publish"], as: Sandbox.reviewer, in: laptop) },
                {
                    // Sam approves on the server itself once Rita's push is inside its check (bounded wait).
                    for _ in 0..<400 where !FileManager.default.fileExists(atPath: receiving.path) { usleep(25_000) }
                    return try box.clinicctl(["review", "approve", ids[1], "--no-publish"], as: Sandbox.secondReviewer)
                })
            for run in runs {
                #expect(run.status == 0, "round \(round): \(run.stdout) \(run.stderr)")
                #expect(!run.stderr.contains("cannot lock ref"), "round \(round): \(run.stderr)")
            }
            try Self.expectOnServer(ids, team)
        }
    }
}
