import Foundation
import Testing

/// A full disk, through the built binary: every writing command fails with a
/// clear message naming the cause, moves no reference and leaves no partial
/// file; once there is room again, the next command works with no repair.
///
/// Two ways to fill the disk: a small tmpfs mounted by the test (only as root,
/// where mounting is allowed; otherwise that test says so and checks nothing
/// more), and everywhere a file-size limit of 0 (`ulimit -f 0`, with SIGXFSZ
/// ignored so a write fails with EFBIG as it would with ENOSPC).
@Suite("hostile surroundings: full disk", .serialized)
struct HostileDiskTests {
    /// The writing commands tried on the full disk, and the draft they need.
    static func writingCommands(draft: String, tip: String) -> [(arguments: [String], as: String)] {
        [
            (["faq", "add", "--question", "Asked on a full disk?", "--answer", "Yes."], Sandbox.manager),
            (["faq", "add", "--question", "Into the draft on a full disk?", "--answer", "Yes.", "--draft", draft], Sandbox.manager),
            (["review", "approve", draft, "--tip", tip], Sandbox.reviewer),
            (["publish"], Sandbox.manager),
        ]
    }

    /// Runs each writing command in `repo` through `launch`; each must fail clearly, writing nothing.
    static func expectRefusedWritingNothing(
        _ bench: HostileBench, repo: URL, draft: String, cause: [String], launch: ([String], String) throws -> Run
    ) throws {
        let refs = try bench.box.gitOutput(["-C", repo.path, "for-each-ref", "--format=%(refname) %(objectname)"])
        let tip = try #require(try bench.revision("drafts/\(draft)", in: repo))
        for (arguments, person) in writingCommands(draft: draft, tip: tip) {
            let run = try launch(arguments, person)
            let command = arguments.prefix(2).joined(separator: " ")
            #expect(run.status == 1, "\(command) on a full disk ended \(run.status): \(run.stderr)")
            #expect(run.stderr.hasPrefix("error: ") || run.stderr.contains("\nerror: "), "\(command): \(run.stderr)")
            #expect(cause.contains { run.stderr.contains($0) }, "\(command) names the cause: \(run.stderr)")
            #expect(
                try bench.box.gitOutput(["-C", repo.path, "for-each-ref", "--format=%(refname) %(objectname)"]) == refs,
                "\(command) moved no reference")
        }
        try bench.expectIntact(repo)
    }

    /// After the disk has room again: an edit and a publish work, and everything is sound.
    static func expectWorksAgain(_ bench: HostileBench, repo: URL) throws {
        let added = try bench.run(["faq", "add", "--question", "Room again?", "--answer", "Yes."], in: repo)
        #expect(added.status == 0, "\(added.stderr)")
        let published = try bench.run(["publish"], in: repo)
        #expect(published.status == 0, "\(published.stderr)")
        try bench.expectIntact(repo)
    }

    @Test("a small tmpfs filled to the last byte (as root)")
    func fullTmpfs() throws {
        let bench = try HostileBench()
        let disk = bench.box.root.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/env"), ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", disk.path], in: bench.box.root,
            environment: [:], stdin: nil)
        guard mount.status == 0 else {
            // Not root, or no right to mount here: the file-size limit test below covers a full disk.
            print("full-disk test: cannot mount a tmpfs (uid \(getuid())): \(mount.stderr); only the ulimit -f test ran")
            return
        }
        defer {
            _ = try? Sandbox.execute(
                URL(fileURLWithPath: "/usr/bin/env"), ["umount", "-l", disk.path], in: bench.box.root, environment: [:], stdin: nil)
        }
        let repo = disk.appendingPathComponent("repo")
        try #require(
            try Sandbox.execute(
                URL(fileURLWithPath: "/bin/cp"), ["-a", bench.box.repo.path, repo.path], in: bench.box.root, environment: [:], stdin: nil
            ).status == 0)
        let draft = try bench.openDraft("Opened before the disk filled?", in: repo)
        // Fill every byte: dd stops at "No space left on device".
        let filler = disk.appendingPathComponent("filler")
        _ = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/env"), ["dd", "if=/dev/zero", "of=\(filler.path)", "bs=4096"], in: disk, environment: [:],
            stdin: nil)
        try Self.expectRefusedWritingNothing(
            bench, repo: repo, draft: draft, cause: ["No space left on device", "enough space", "Is the disk full"]
        ) {
            arguments, person in
            try bench.run(arguments, as: person, in: repo)
        }
        try FileManager.default.removeItem(at: filler)
        try Self.expectWorksAgain(bench, repo: repo)
    }

    @Test("no file may grow (ulimit -f 0): every writing command fails clearly, nothing is written")
    func fileSizeLimit() throws {
        let bench = try HostileBench()
        let draft = try bench.openDraft("Opened before the limit?")
        try Self.expectRefusedWritingNothing(bench, repo: bench.box.repo, draft: draft, cause: ["File too large", "Is the disk full"]) {
            arguments, person in
            let script = "trap '' XFSZ; ulimit -f 0; exec \"$0\" \"$@\""
            return try Sandbox.execute(
                URL(fileURLWithPath: "/bin/sh"), ["-c", script, clinicctlBinary.path] + arguments, in: bench.box.repo,
                environment: ["CLINICCTL_AUTHOR": person, "TMPDIR": bench.temporary.path], stdin: nil)
        }
        try Self.expectWorksAgain(bench, repo: bench.box.repo)
    }
}
