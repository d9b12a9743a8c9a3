import ClinicGit
import Foundation
import Testing

@Suite("Committing in-memory changes")
struct RepositoryWriteTests {
    @Test func commitsChangesThatGitReadsBack() throws {
        try withScratch { scratch in
            let repository = try Repository.create(at: scratch, bare: true)
            let first = try repository.commit(
                changes: [
                    .text("pages/about.md", "About us\n"),
                    .text("pages/team/ana.md", "Ana\n"),
                    .text("faq/parking.md", "Parking\n"),
                ],
                onBranch: "refs/heads/main", expectedTip: nil, parentIfNew: nil,
                author: alice, committer: bob, message: "Add pages\n\nFirst import.\n")
            #expect(try gitID("refs/heads/main", in: scratch) == first)
            #expect(try git("show", "\(first.hex):pages/team/ana.md", in: scratch) == "Ana")

            let message = "Rework pages\n\nDraft-Id: rework\n"
            let second = try repository.commit(
                changes: [
                    .text("pages/about.md", "About the clinic\n"),
                    .delete(path: "pages/team/ana.md"),
                    .text("pages/services/dry-needling.md", "Needles\n"),
                    .delete(path: "never/existed.md"),
                ],
                onBranch: "refs/heads/main", expectedTip: first, parentIfNew: nil,
                author: alice, committer: bob, message: message)

            #expect(try git("rev-list", "refs/heads/main", in: scratch) == "\(second.hex)\n\(first.hex)")
            #expect(
                try git("ls-tree", "-r", "-t", "--name-only", second.hex, in: scratch)
                    == "faq\nfaq/parking.md\npages\npages/about.md\npages/services\npages/services/dry-needling.md")
            #expect(try git("show", "\(second.hex):pages/about.md", in: scratch) == "About the clinic")
            try git("fsck", "--strict", "--no-dangling", in: scratch)

            let raw = try git("cat-file", "commit", second.hex, in: scratch)
            let (header, body) = try #require(splitCommit(raw))
            #expect(header.contains("parent \(first.hex)"))
            #expect(header.contains("author Ana Pérez <ana@clinic.example> 1700000000 -0500"))
            #expect(header.contains("committer Bob Reviewer <bob@clinic.example> 1700003600 +0100"))
            #expect(body == message)

            let info = try repository.commit(second)
            #expect(info.id == second)
            #expect(info.parents == [first])
            #expect(info.author == alice)
            #expect(info.committer == bob)
            #expect(info.message == message)
            #expect(info.tree == (try gitID("\(second.hex)^{tree}", in: scratch)))
            #expect(info.trailers == [CommitInfo.Trailer(key: "Draft-Id", value: "rework")])
        }
    }

    @Test func deletionsComeBeforeWritesSoFilesAndDirectoriesCanSwap() throws {
        try withScratch { scratch in
            let repository = try Repository.create(at: scratch, bare: true)
            let base = try repository.createCommit(
                tree: try repository.treeWithChanges(
                    base: nil, changes: [.text("hours", "old\n"), .text("faq/a.md", "A\n")]),
                parents: [], author: alice, committer: alice, message: "base")
            let tree = try repository.treeWithChanges(
                base: base,
                changes: [
                    .text("hours/weekly.yaml", "mon: 9-5\n"), .delete(path: "hours"),
                    .delete(path: "faq"), .delete(path: "faq/a.md"), .text("faq", "now a file\n"),
                    .text("notes.md", "draft\n"), .delete(path: "notes.md"),
                ])
            #expect(try git("ls-tree", "-r", "--name-only", tree.hex, in: scratch) == "faq\nhours/weekly.yaml")
        }
    }

    @Test func emptyChangeListOnNoBaseIsTheEmptyTree() throws {
        try withScratch { scratch in
            let repository = try Repository.create(at: scratch, bare: true)
            let tree = try repository.treeWithChanges(base: nil, changes: [])
            #expect(tree == (try gitID("4b825dc642cb6eb9a060e54bf8d69288fbee4904", in: scratch)))
        }
    }

    @Test func rejectsPathsOutsideTheTree() throws {
        try withScratch { scratch in
            let repository = try Repository.create(at: scratch, bare: true)
            for path in ["", "/etc/passwd", "../up.md", "a//b.md", "a/./b.md", ".git/config", "dir/"] {
                let error = #expect(throws: GitError.self, "path \(path)") {
                    try repository.treeWithChanges(base: nil, changes: [.text(path, "x")])
                }
                #expect(error?.code == .invalid)
            }
        }
    }

    @Test func keepsBinaryContentsAndExecutableBits() throws {
        try withScratch { scratch in
            let tip = try makeGitRepository(in: scratch, files: ["tools/build.sh": "#!/bin/sh\n"])
            try git("update-index", "--chmod=+x", "tools/build.sh", in: scratch)
            try git("commit", "-q", "-m", "executable", in: scratch)
            let executableTip = try gitID("HEAD", in: scratch)
            #expect(executableTip != tip)
            let repository = try Repository.open(at: scratch)
            let bytes = Data((0...255).map { UInt8($0) })
            let next = try repository.commit(
                changes: [
                    .text("tools/build.sh", "#!/bin/sh\necho hi\n"), .write(path: "logo.bin", contents: bytes),
                    .writeExecutable(path: "hooks/publish", contents: Data("#!/bin/sh\n".utf8)),
                ],
                onBranch: "refs/heads/main", expectedTip: executableTip, parentIfNew: nil,
                author: alice, committer: alice, message: "tools")
            #expect(try git("ls-tree", next.hex, "tools/build.sh", in: scratch).hasPrefix("100755 blob"))
            #expect(try git("ls-tree", next.hex, "logo.bin", in: scratch).hasPrefix("100644 blob"))
            #expect(try git("ls-tree", next.hex, "hooks/publish", in: scratch).hasPrefix("100755 blob"))
            #expect(try runGit(["cat-file", "blob", "\(next.hex):logo.bin"], in: scratch).output == bytes)
            #expect(try repository.readFile("logo.bin", at: next) == bytes)
            #expect(try repository.executableFiles(under: "", at: next) == ["hooks/publish", "tools/build.sh"])
            #expect(try repository.executableFiles(under: "hooks", at: next) == ["hooks/publish"])
        }
    }

    @Test func committingOnTheCheckedOutBranchLeavesIndexAndWorkingTreeAlone() throws {
        try withScratch { scratch in
            let tip = try makeGitRepository(
                in: scratch, files: ["pages/about.md": "About\n", "pages/team.md": "Team\n"])
            try writeFile("pages/about.md", "About, edited locally\n", in: scratch)
            try writeFile("pages/staged.md", "Staged\n", in: scratch)
            try git("add", "pages/staged.md", in: scratch)
            try writeFile("scratch-notes.txt", "untracked\n", in: scratch)
            let index = scratch.appendingPathComponent(".git/index")
            let files = ["pages/about.md", "pages/team.md", "pages/staged.md", "scratch-notes.txt"]
            let indexBefore = try Data(contentsOf: index)
            let filesBefore = try files.map { try readText($0, in: scratch) }
            let unstagedBefore = try git("diff-files", "-p", in: scratch)

            let repository = try Repository.open(at: scratch)
            let moved = try repository.commit(
                changes: [.text("pages/team.md", "Team, published\n"), .text("pages/new.md", "New\n")],
                onBranch: "refs/heads/main", expectedTip: tip, parentIfNew: nil,
                author: alice, committer: alice, message: "Publish team page")

            #expect(try gitID("HEAD", in: scratch) == moved)
            #expect(try Data(contentsOf: index) == indexBefore)
            #expect(try files.map { try readText($0, in: scratch) } == filesBefore)
            #expect(try git("diff-files", "-p", in: scratch) == unstagedBefore)
            #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("pages/new.md").path))
        }
    }

    @Test func createCommitMovesNoReference() throws {
        try withScratch { scratch in
            let repository = try Repository.create(at: scratch, bare: true)
            let one = try repository.commit(
                changes: [.text("a.md", "1\n")], onBranch: "refs/heads/main", expectedTip: nil,
                parentIfNew: nil, author: alice, committer: alice, message: "one\n")
            let two = try repository.commit(
                changes: [.text("b.md", "2\n")], onBranch: "refs/heads/side", expectedTip: nil,
                parentIfNew: one, author: alice, committer: alice, message: "two\n")
            let merged = try repository.createCommit(
                tree: try repository.treeOf(two), parents: [one, two], author: alice, committer: bob,
                message: "Merge side\n")
            #expect(try gitID("refs/heads/main", in: scratch) == one)
            #expect(try git("rev-parse", "\(merged.hex)^1", "\(merged.hex)^2", in: scratch) == "\(one.hex)\n\(two.hex)")
            #expect(try repository.commit(merged).parents == [one, two])
            #expect(try repository.commit(two).parents == [one])
        }
    }
}

/// Splits `git cat-file commit` output into its header and its message.
private func splitCommit(_ raw: String) -> (header: String, body: String)? {
    guard let range = raw.range(of: "\n\n") else { return nil }
    // `git` drops the final newline of the output; the message had one.
    return (String(raw[..<range.lowerBound]), String(raw[range.upperBound...]) + "\n")
}
