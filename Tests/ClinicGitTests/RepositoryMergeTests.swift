import ClinicGit
import Foundation
import Testing

@Suite("Merge, revert and cherry-pick in memory")
struct RepositoryMergeTests {
    private let base = ["a.md": "a1\n", "b.md": "b1\n", "c.md": "line 1\nline 2\nline 3\n"]

    @Test func mergesCleanlyLikeGitMergeTree() throws {
        try withScratch { scratch in
            let root = try makeGitRepository(in: scratch, files: base)
            let ours = try commitWithGit(["a.md": "a2\n"], message: "ours", in: scratch)
            try git("checkout", "-q", "-b", "side", root.hex, in: scratch)
            let theirs = try commitWithGit(["b.md": "b2\n", "new/d.md": "d\n"], message: "theirs", in: scratch)
            let repository = try Repository.open(at: scratch)

            let outcome = try repository.merge(ours: ours, theirs: theirs)
            #expect(outcome.conflictedPaths.isEmpty)
            let tree = try #require(outcome.tree)
            let witness = try git("merge-tree", "--write-tree", ours.hex, theirs.hex, in: scratch)
            #expect(tree.hex == witness)
            #expect(try git("show", "\(tree.hex):a.md", in: scratch) == "a2")
            #expect(try git("show", "\(tree.hex):b.md", in: scratch) == "b2")
        }
    }

    @Test func reportsConflictedPaths() throws {
        try withScratch { scratch in
            let root = try makeGitRepository(in: scratch, files: base)
            let ours = try commitWithGit(
                ["c.md": "line 1\nours\nline 3\n", "a.md": "a2\n"], message: "ours", in: scratch)
            try git("checkout", "-q", "-b", "side", root.hex, in: scratch)
            let theirs = try commitWithGit(
                ["c.md": "line 1\ntheirs\nline 3\n", "b.md": "b2\n"], removing: ["a.md"], message: "theirs",
                in: scratch)
            let repository = try Repository.open(at: scratch)

            let outcome = try repository.merge(ours: ours, theirs: theirs)
            #expect(outcome.tree == nil)
            #expect(outcome.hasConflicts)
            #expect(outcome.conflictedPaths == ["a.md", "c.md"])

            let witness = try runGit(
                ["merge-tree", "--write-tree", "--name-only", "--no-messages", ours.hex, theirs.hex], in: scratch)
            #expect(witness.status == 1)
            #expect(Array(witness.text.split(separator: "\n").dropFirst()) == ["a.md", "c.md"])
        }
    }

    @Test func revertsLikeGitRevert() throws {
        try withScratch { scratch in
            _ = try makeGitRepository(in: scratch, files: base)
            let change = try commitWithGit(["a.md": "a2\n"], message: "change a", in: scratch)
            let later = try commitWithGit(["b.md": "b2\n"], message: "change b", in: scratch)
            let repository = try Repository.open(at: scratch)

            let outcome = try repository.revert(change, onto: later)
            #expect(outcome.conflictedPaths.isEmpty)
            try git("revert", "--no-edit", change.hex, in: scratch)
            #expect(outcome.tree == (try gitID("HEAD^{tree}", in: scratch)))
            #expect(try git("show", "\(try #require(outcome.tree).hex):a.md", in: scratch) == "a1")

            let again = try commitWithGit(["a.md": "a3\n"], message: "change a again", in: scratch)
            let conflicted = try repository.revert(change, onto: again)
            #expect(conflicted.tree == nil)
            #expect(conflicted.conflictedPaths == ["a.md"])
        }
    }

    @Test func revertsAMergeAgainstItsFirstParent() throws {
        try withScratch { scratch in
            let root = try makeGitRepository(in: scratch, files: base)
            let mainTip = try commitWithGit(["a.md": "a2\n"], message: "main", in: scratch)
            try git("checkout", "-q", "-b", "feature", root.hex, in: scratch)
            _ = try commitWithGit(["faq/new.md": "new\n"], message: "feature", in: scratch)
            try git("checkout", "-q", "main", in: scratch)
            try git("merge", "-q", "--no-ff", "-m", "Merge feature", "feature", in: scratch)
            let merge = try gitID("HEAD", in: scratch)
            let repository = try Repository.open(at: scratch)

            let outcome = try repository.revert(merge, onto: merge)
            #expect(outcome.tree == (try repository.treeOf(mainTip)))
        }
    }

    @Test func cherryPicksLikeGitCherryPick() throws {
        try withScratch { scratch in
            let root = try makeGitRepository(in: scratch, files: base)
            try git("checkout", "-q", "-b", "drafts/hours", in: scratch)
            let draft = try commitWithGit(
                ["c.md": "line 1\nline 2, edited\nline 3\n", "hours.md": "9-5\n"], message: "draft", in: scratch)
            try git("checkout", "-q", "main", in: scratch)
            let published = try commitWithGit(["b.md": "b2\n"], message: "published meanwhile", in: scratch)
            #expect(published != root)
            let repository = try Repository.open(at: scratch)

            let outcome = try repository.cherryPick(draft, onto: published)
            #expect(outcome.conflictedPaths.isEmpty)
            try git("cherry-pick", draft.hex, in: scratch)
            #expect(outcome.tree == (try gitID("HEAD^{tree}", in: scratch)))

            let clash = try commitWithGit(["c.md": "line 1\nline 2, other edit\nline 3\n"], message: "clash", in: scratch)
            let conflicted = try repository.cherryPick(draft, onto: clash)
            #expect(conflicted.tree == nil)
            #expect(conflicted.conflictedPaths == ["c.md"])
        }
    }
}
