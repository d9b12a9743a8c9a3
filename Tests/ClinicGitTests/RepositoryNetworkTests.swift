import ClinicGit
import ClinicTestSupport
import Foundation
import Testing

/// A server repository with one commit on main, and a clone of it made by libgit2.
private func serverAndClone(in scratch: URL, url: (URL) -> String = { $0.path }) throws -> (server: URL, clone: Repository) {
    let seed = scratch.appendingPathComponent("seed")
    _ = try Repository.create(at: seed, bare: false)
    try writeFile("hours.yaml", "monday: 9-17\n", in: seed)
    try git("add", ".", in: seed)
    try git("-c", "user.name=Seed", "-c", "user.email=seed@example.com", "commit", "-qm", "Start", in: seed)
    let server = scratch.appendingPathComponent("server.git")
    try git("clone", "-q", "--bare", seed.path, server.path, in: scratch)
    let clone = try Repository.clone(
        from: url(server), into: scratch.appendingPathComponent("clone"), branch: "main", access: NetworkAccess(useSSHAgent: false))
    return (server, clone)
}

/// Commits a change to hours.yaml in the working copy `folder` with plain git.
private func commitChange(_ text: String, in folder: URL) throws {
    try writeFile("hours.yaml", text, in: folder)
    try git("-c", "user.name=Olivia", "-c", "user.email=o@example.com", "commit", "-qam", "Change hours", in: folder)
}

@Suite("Fetch, push and clone")
struct RepositoryNetworkTests {
    @Test func clonesFetchesAndPushesThroughALocalPath() throws {
        try withScratch { scratch in
            let (server, clone) = try serverAndClone(in: scratch)
            let folder = clone.workingDirectory!
            #expect(try clone.remoteNames() == ["origin"])
            #expect(try clone.remoteURL("origin") == server.path)
            #expect(try clone.resolveCommit("HEAD") == gitID("main", in: server))

            try commitChange("monday: 8-16\n", in: folder)
            let report = try clone.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], access: NetworkAccess())
            #expect(report.references == [PushedReference(name: "refs/heads/main", refusal: nil)])
            #expect(try gitID("main", in: server) == gitID("HEAD", in: folder))

            let other = scratch.appendingPathComponent("other")
            try git("clone", "-q", server.path, other.path, in: scratch)
            try commitChange("monday: 7-15\n", in: other)
            try git("push", "-q", "origin", "main", in: other)
            try clone.fetch(remote: "origin", refspecs: ["+refs/heads/*:refs/remotes/origin/*"], access: NetworkAccess())
            #expect(try clone.referenceTarget("refs/remotes/origin/main") == gitID("main", in: server))
        }
    }

    @Test func neverForcesNorDeletes() throws {
        try withScratch { scratch in
            let (server, clone) = try serverAndClone(in: scratch)
            let before = try gitID("main", in: server)
            for spec in ["+refs/heads/main:refs/heads/main", ":refs/heads/main"] {
                let error = #expect(throws: GitError.self) { try clone.push(remote: "origin", refspecs: [spec], access: NetworkAccess()) }
                #expect(error?.code == .invalid)
            }
            // A rewind without force: libgit2 refuses it before the server sees it.
            try git(
                "-c", "user.name=O", "-c", "user.email=o@example.com", "commit", "-q", "--amend", "-m", "Rewritten",
                in: clone.workingDirectory!)
            let error = #expect(throws: GitError.self) {
                try clone.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], access: NetworkAccess())
            }
            #expect(error?.code == .modified)
            #expect(try gitID("main", in: server) == before)
        }
    }

    @Test("a rewrite is sent only while the server still has the tip this copy last saw")
    func replacesOnlyWhatItLastSaw() throws {
        try withScratch { scratch in
            let (server, clone) = try serverAndClone(in: scratch)
            let seen = try gitID("main", in: server)
            try git(
                "-c", "user.name=O", "-c", "user.email=o@example.com", "commit", "-q", "--amend", "-m", "Rewritten",
                in: clone.workingDirectory!)
            let rewritten = try gitID("HEAD", in: clone.workingDirectory!)
            // Someone else moves the server's main after this copy looked.
            let other = scratch.appendingPathComponent("other")
            try git("clone", "-q", server.path, other.path, in: scratch)
            try commitChange("monday: 7-15\n", in: other)
            try git("push", "-q", "origin", "main", in: other)
            let moved = try gitID("main", in: server)
            let error = #expect(throws: GitError.self) {
                try clone.push(remote: "origin", refspecs: [], replacing: ["refs/heads/main": seen], access: NetworkAccess())
            }
            #expect(error?.code == .modified && "\(error!)".contains("moved since this copy last saw it"), "\(String(describing: error))")
            #expect(try gitID("main", in: server) == moved)
            // Against what the server really has, the rewrite is sent in its place.
            let report = try clone.push(remote: "origin", refspecs: [], replacing: ["refs/heads/main": moved], access: NetworkAccess())
            #expect(report.references.map(\.name) == ["refs/heads/main"])
            #expect(try gitID("main", in: server) == rewritten)
        }
    }

    @Test func reportsARefTheServerRefusesWithItsMessage() throws {
        try withScratch { scratch in
            let daemon = try GitDaemon(serving: scratch)
            defer { daemon.stop() }
            let (server, clone) = try serverAndClone(in: scratch) { daemon.url($0.lastPathComponent) }
            let hook = server.appendingPathComponent("hooks/pre-receive")
            try writeFile("hooks/pre-receive", "#!/bin/sh\necho 'main only moves through an approval' >&2\nexit 1\n", in: server)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
            let before = try gitID("main", in: server)

            try commitChange("monday: 8-16\n", in: clone.workingDirectory!)
            let report = try clone.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], access: NetworkAccess())
            #expect(report.references.count == 1)
            #expect(report.references.first?.name == "refs/heads/main")
            #expect(report.references.first?.refusal?.contains("pre-receive") == true)
            #expect(report.serverMessages.contains("main only moves through an approval"))
            #expect(try gitID("main", in: server) == before)

            try FileManager.default.removeItem(at: hook)
            let accepted = try clone.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], access: NetworkAccess())
            #expect(accepted.references == [PushedReference(name: "refs/heads/main", refusal: nil)])
            #expect(try gitID("main", in: server) == clone.resolveCommit("HEAD"))
        }
    }

    @Test func aServerThatIsDownIsANetworkFailureAtOnce() throws {
        try withScratch { scratch in
            let port = try freeLoopbackPort()
            let started = Date()
            let error = #expect(throws: GitError.self) {
                try Repository.clone(
                    from: "git://127.0.0.1:\(port)/server.git", into: scratch.appendingPathComponent("c"), branch: nil,
                    access: NetworkAccess())
            }
            #expect(error?.code == .network)
            #expect(Date().timeIntervalSince(started) < 10)
            #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("c/.git").path))
        }
    }
}
