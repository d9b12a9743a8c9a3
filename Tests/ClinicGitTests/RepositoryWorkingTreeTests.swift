import ClinicGit
import Foundation
import Testing

@Suite("Working tree status and catching up after a branch move")
struct RepositoryWorkingTreeTests {
    @Test func cleanMeansNothingStagedModifiedOrUntracked() throws {
        try withScratch { scratch in
            _ = try makeGitRepository(in: scratch, files: ["a.md": "A\n", ".gitignore": "*.log\n"])
            let repository = try Repository.open(at: scratch)
            #expect(try repository.workingTreeIsClean())

            try writeFile("build.log", "ignored\n", in: scratch)
            #expect(try repository.workingTreeIsClean())

            try writeFile("notes/draft.md", "untracked\n", in: scratch)
            #expect(try !repository.workingTreeIsClean())
            try FileManager.default.removeItem(at: scratch.appendingPathComponent("notes"))
            #expect(try repository.workingTreeIsClean())

            try writeFile("a.md", "A, edited\n", in: scratch)
            #expect(try !repository.workingTreeIsClean())
            try git("add", "a.md", in: scratch)
            #expect(try !repository.workingTreeIsClean())
            try git("commit", "-q", "-m", "edit", in: scratch)
            #expect(try repository.workingTreeIsClean())
            #expect(try git("status", "--porcelain", in: scratch) == "")
        }
    }

    @Test func bareRepositoryHasNoWorkingTree() throws {
        try withScratch { scratch in
            let repository = try Repository.create(at: scratch, bare: true)
            let error = #expect(throws: GitError.self) { try repository.workingTreeIsClean() }
            #expect(error?.code == .invalid)
        }
    }

    @Test func checkoutHeadBringsIndexAndFilesAlong() throws {
        try withScratch { scratch in
            let old = try makeGitRepository(
                in: scratch, files: ["pages/about.md": "About\n", "pages/team.md": "Team\n"])
            let repository = try Repository.open(at: scratch)
            let new = try repository.commit(
                changes: [
                    .text("pages/about.md", "About, published\n"), .delete(path: "pages/team.md"),
                    .text("faq/parking.md", "Park\n"),
                ],
                onBranch: "refs/heads/main", expectedTip: old, parentIfNew: nil,
                author: alice, committer: alice, message: "Publish\n")
            // Witness that the move alone left index and files behind.
            #expect(try git("status", "--porcelain", in: scratch) != "")

            try repository.checkoutHead(movedFrom: old)
            #expect(try git("status", "--porcelain", in: scratch) == "")
            #expect(try repository.workingTreeIsClean())
            #expect(try gitID("HEAD", in: scratch) == new)
            #expect(try readText("pages/about.md", in: scratch) == "About, published\n")
            #expect(try readText("faq/parking.md", in: scratch) == "Park\n")
            #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("pages/team.md").path))
        }
    }

    @Test func checkoutHeadLeavesUnrelatedLocalEditsAlone() throws {
        try withScratch { scratch in
            let old = try makeGitRepository(in: scratch, files: ["a.md": "A\n", "b.md": "B\n"])
            try writeFile("b.md", "B, edited locally\n", in: scratch)
            let repository = try Repository.open(at: scratch)
            _ = try repository.commit(
                changes: [.text("a.md", "A2\n")], onBranch: "refs/heads/main", expectedTip: old,
                parentIfNew: nil, author: alice, committer: alice, message: "a\n")

            try repository.checkoutHead(movedFrom: old)
            #expect(try readText("a.md", in: scratch) == "A2\n")
            #expect(try readText("b.md", in: scratch) == "B, edited locally\n")
            #expect(try git("status", "--porcelain", in: scratch) == " M b.md")
        }
    }

    @Test func checkoutHeadStopsBeforeOverwritingALocalEdit() throws {
        try withScratch { scratch in
            let old = try makeGitRepository(in: scratch, files: ["a.md": "A\n", "b.md": "B\n"])
            try writeFile("a.md", "A, edited locally\n", in: scratch)
            let repository = try Repository.open(at: scratch)
            _ = try repository.commit(
                changes: [.text("a.md", "A2\n"), .text("b.md", "B2\n")], onBranch: "refs/heads/main",
                expectedTip: old, parentIfNew: nil, author: alice, committer: alice, message: "a\n")

            let error = #expect(throws: GitError.self) { try repository.checkoutHead(movedFrom: old) }
            #expect(error?.code == .conflict)
            #expect(try readText("a.md", in: scratch) == "A, edited locally\n")
            #expect(try readText("b.md", in: scratch) == "B\n")
        }
    }

    @Test func checkoutHeadFillsAFreshWorkingTreeAfterTheFirstCommit() throws {
        try withScratch { scratch in
            let repository = try Repository.create(at: scratch, bare: false)
            _ = try repository.commit(
                changes: [
                    .text("content/site.yaml", "name: PT\n"), .writeExecutable(path: "hooks/publish", contents: Data("#!/bin/sh\n".utf8)),
                ],
                onBranch: "refs/heads/main", expectedTip: nil, parentIfNew: nil,
                author: alice, committer: alice, message: "Start\n")
            try repository.checkoutHead()
            #expect(try git("status", "--porcelain", in: scratch) == "")
            #expect(try readText("content/site.yaml", in: scratch) == "name: PT\n")
            #expect(FileManager.default.isExecutableFile(atPath: scratch.appendingPathComponent("hooks/publish").path))
        }
    }

    @Test func checkoutHeadDoesNotOverwriteAnUntrackedFile() throws {
        try withScratch { scratch in
            let repository = try Repository.create(at: scratch, bare: false)
            try writeFile("content/site.yaml", "mine\n", in: scratch)
            _ = try repository.commit(
                changes: [.text("content/site.yaml", "name: PT\n")], onBranch: "refs/heads/main",
                expectedTip: nil, parentIfNew: nil, author: alice, committer: alice, message: "Start\n")
            let error = #expect(throws: GitError.self) { try repository.checkoutHead() }
            #expect(error?.code == .conflict)
            #expect(try readText("content/site.yaml", in: scratch) == "mine\n")
        }
    }
}
