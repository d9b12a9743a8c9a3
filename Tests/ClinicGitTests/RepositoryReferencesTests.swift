import ClinicGit
import Foundation
import Testing

@Suite("References: resolving, listing and compare-and-swap")
struct RepositoryReferencesTests {
    /// A bare repository with one commit on main.
    private func seeded(_ scratch: URL) throws -> (Repository, ObjectID) {
        let repository = try Repository.create(at: scratch, bare: true)
        let tip = try repository.commit(
            changes: [.text("pages/about.md", "About\n")], onBranch: "refs/heads/main",
            expectedTip: nil, parentIfNew: nil, author: alice, committer: alice, message: "Start\n")
        return (repository, tip)
    }

    @Test func staleExpectedTipLosesTheRaceWithoutLosingAnything() throws {
        try withScratch { scratch in
            let (repository, base) = try seeded(scratch)
            // Someone else moves main meanwhile.
            let tree = try git("rev-parse", "\(base.hex)^{tree}", in: scratch)
            let theirs = try #require(ObjectID(hex: try git("commit-tree", tree, "-p", base.hex, "-m", "theirs", in: scratch)))
            try git("update-ref", "refs/heads/main", theirs.hex, base.hex, in: scratch)

            let error = #expect(throws: GitError.self) {
                try repository.commit(
                    changes: [.text("pages/about.md", "Ours\n")], onBranch: "refs/heads/main",
                    expectedTip: base, parentIfNew: nil, author: alice, committer: alice, message: "Ours\n")
            }
            #expect(error?.code == .modified)
            #expect(error?.operation.contains("refs/heads/main") == true)
            #expect(try gitID("refs/heads/main", in: scratch) == theirs)
            #expect(try git("rev-list", "refs/heads/main", in: scratch) == "\(theirs.hex)\n\(base.hex)")

            // The losing commit is still there, unreferenced, with our change in it.
            let unreachable = try git("fsck", "--unreachable", "--no-reflogs", in: scratch)
                .split(separator: "\n").filter { $0.hasPrefix("unreachable commit ") }
            #expect(unreachable.count == 1)
            let orphanLine = try #require(unreachable.first)
            let orphan = try #require(ObjectID(hex: String(orphanLine.dropFirst("unreachable commit ".count))))
            #expect(repository.objectExists(orphan))
            #expect(try repository.commit(orphan).parents == [base])
            #expect(try repository.readFile("pages/about.md", at: orphan)?.text == "Ours\n")
        }
    }

    @Test func creatingRefusesAnExistingReference() throws {
        try withScratch { scratch in
            let (repository, tip) = try seeded(scratch)
            let other = try repository.createCommit(
                tree: try repository.treeOf(tip), parents: [tip], author: alice, committer: alice, message: "x\n")
            let error = #expect(throws: GitError.self) {
                try repository.updateReference("refs/heads/main", to: other, expected: nil, logMessage: "create")
            }
            #expect(error?.code == .modified)
            #expect(try gitID("refs/heads/main", in: scratch) == tip)

            let viaCommit = #expect(throws: GitError.self) {
                try repository.commit(
                    changes: [], onBranch: "refs/heads/main", expectedTip: nil, parentIfNew: tip,
                    author: alice, committer: alice, message: "again\n")
            }
            #expect(viaCommit?.code == .modified)
            #expect(try gitID("refs/heads/main", in: scratch) == tip)
        }
    }

    @Test func movingAVanishedReferenceIsALostRace() throws {
        try withScratch { scratch in
            let (repository, tip) = try seeded(scratch)
            try git("update-ref", "refs/heads/drafts/gone", tip.hex, in: scratch)
            try git("update-ref", "-d", "refs/heads/drafts/gone", in: scratch)
            let error = #expect(throws: GitError.self) {
                try repository.updateReference("refs/heads/drafts/gone", to: tip, expected: tip, logMessage: "move")
            }
            #expect(error?.code == .modified)
            #expect(try repository.referenceTarget("refs/heads/drafts/gone") == nil)
        }
    }

    @Test func heldLockFileGivesLocked() throws {
        try withScratch { scratch in
            let (repository, tip) = try seeded(scratch)
            let next = try repository.createCommit(
                tree: try repository.treeOf(tip), parents: [tip], author: alice, committer: alice, message: "next\n")
            let lock = scratch.appendingPathComponent("refs/heads/main.lock")
            try FileManager.default.createDirectory(
                at: lock.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: lock)

            let error = #expect(throws: GitError.self) {
                try repository.updateReference("refs/heads/main", to: next, expected: tip, logMessage: "move")
            }
            #expect(error?.code == .locked)
            #expect(try gitID("refs/heads/main", in: scratch) == tip)

            try FileManager.default.removeItem(at: lock)
            try repository.updateReference("refs/heads/main", to: next, expected: tip, logMessage: "move")
            #expect(try gitID("refs/heads/main", in: scratch) == next)
        }
    }

    @Test func updatesWriteTheReflogMessage() throws {
        try withScratch { scratch in
            let tip = try makeGitRepository(in: scratch, files: ["a.md": "A\n"])
            let repository = try Repository.open(at: scratch)
            try repository.updateReference(
                "refs/heads/drafts/hours", to: tip, expected: nil, logMessage: "draft: start hours")
            #expect(try gitID("refs/heads/drafts/hours", in: scratch) == tip)
            #expect(try git("reflog", "show", "--format=%gs", "refs/heads/drafts/hours", in: scratch) == "draft: start hours")
        }
    }

    @Test func deletesOnlyFromTheExpectedTarget() throws {
        try withScratch { scratch in
            let (repository, tip) = try seeded(scratch)
            let other = try repository.createCommit(
                tree: try repository.treeOf(tip), parents: [tip], author: alice, committer: alice, message: "x\n")
            try repository.updateReference("refs/heads/drafts/a", to: other, expected: nil, logMessage: "create")

            let error = #expect(throws: GitError.self) {
                try repository.deleteReference("refs/heads/drafts/a", expected: tip)
            }
            #expect(error?.code == .modified)
            #expect(try gitID("refs/heads/drafts/a", in: scratch) == other)

            try repository.deleteReference("refs/heads/drafts/a", expected: other)
            #expect(try git("for-each-ref", "refs/heads/drafts/", in: scratch) == "")
            #expect(try repository.referenceTarget("refs/heads/drafts/a") == nil)
            let again = #expect(throws: GitError.self) {
                try repository.deleteReference("refs/heads/drafts/a", expected: other)
            }
            #expect(again?.code == .modified)
        }
    }

    @Test func resolvesRevisionsPeeledToCommits() throws {
        try withScratch { scratch in
            let first = try makeGitRepository(in: scratch, files: ["a.md": "1\n"])
            let second = try commitWithGit(["a.md": "2\n"], message: "second", in: scratch)
            try git("tag", "-a", "v1", "-m", "release", first.hex, in: scratch)
            let repository = try Repository.open(at: scratch)

            #expect(try repository.resolveCommit("main") == second)
            #expect(try repository.resolveCommit("HEAD") == second)
            #expect(try repository.resolveCommit("HEAD~1") == first)
            #expect(try repository.resolveCommit(first.short) == first)
            #expect(try repository.resolveCommit("v1") == first)
            #expect(try repository.resolveCommit("refs/tags/v1") != (try gitID("refs/tags/v1", in: scratch)))

            let missing = #expect(throws: GitError.self) { try repository.resolveCommit("drafts/nope") }
            #expect(missing?.code == .notFound)
            #expect(missing?.operation.contains("drafts/nope") == true)
            let tree = #expect(throws: GitError.self) { try repository.resolveCommit("HEAD^{tree}") }
            #expect(tree?.code == .invalid)
        }
    }

    @Test func listsReferencesUnderAPrefixInNameOrder() throws {
        try withScratch { scratch in
            let first = try makeGitRepository(in: scratch, files: ["a.md": "1\n"])
            let second = try commitWithGit(["a.md": "2\n"], message: "second", in: scratch)
            for (name, id) in [
                ("refs/heads/drafts/faq", second), ("refs/heads/drafts/about", first),
                ("refs/heads/drafts/team/ana", second), ("refs/heads/draftsx", first),
                ("refs/tags/drafts/old", first),
            ] {
                try git("update-ref", name, id.hex, in: scratch)
            }
            let repository = try Repository.open(at: scratch)
            let listed = try repository.references(withPrefix: "refs/heads/drafts/")
            let witness = try git(
                "for-each-ref", "--format=%(refname) %(objectname)", "refs/heads/drafts/", in: scratch)
            #expect(listed.map { "\($0.name) \($0.target.hex)" }.joined(separator: "\n") == witness)
            #expect(
                listed.map(\.name) == [
                    "refs/heads/drafts/about", "refs/heads/drafts/faq", "refs/heads/drafts/team/ana",
                ])
            #expect(try repository.references(withPrefix: "refs/heads/nothing/").isEmpty)
            #expect(try repository.referenceTarget("refs/heads/drafts/faq") == second)
            #expect(try repository.referenceTarget("refs/heads/drafts/missing") == nil)
        }
    }

    @Test func headReferenceNameIsNilWhenDetached() throws {
        try withScratch { scratch in
            _ = try makeGitRepository(in: scratch, files: ["a.md": "1\n"])
            #expect(try Repository.open(at: scratch).headReferenceName == "refs/heads/main")
            try git("checkout", "-q", "--detach", in: scratch)
            #expect(try Repository.open(at: scratch).headReferenceName == nil)
        }
    }
}
