import ClinicGit
import Foundation
import Testing

@Suite("Reading files and history")
struct RepositoryReadTests {
    @Test func readsFilesAtEachRevision() throws {
        try withScratch { scratch in
            let first = try makeGitRepository(
                in: scratch,
                files: ["pages/about.md": "About v1\n", "pages/team/ana.md": "Ana\n", "site.yaml": "name: PT\n"])
            let second = try commitWithGit(
                ["pages/about.md": "About v2\n", "faq/parking.md": "Park\n"], removing: ["pages/team/ana.md"],
                message: "second", in: scratch)
            let repository = try Repository.open(at: scratch)

            #expect(try repository.readFile("pages/about.md", at: first)?.text == "About v1\n")
            #expect(try repository.readFile("pages/about.md", at: second)?.text == "About v2\n")
            #expect(try repository.readFile("pages/team/ana.md", at: first)?.text == "Ana\n")
            #expect(try repository.readFile("pages/team/ana.md", at: second) == nil)
            #expect(try repository.readFile("pages", at: first) == nil)

            #expect(try repository.listFiles(under: "pages", at: first) == ["pages/about.md", "pages/team/ana.md"])
            #expect(try repository.listFiles(under: "pages/", at: first) == ["pages/about.md", "pages/team/ana.md"])
            #expect(try repository.listFiles(under: "pages/team", at: second) == [])
            #expect(try repository.listFiles(under: "site.yaml", at: second) == [])
            let everything = try git("ls-tree", "-r", "--name-only", second.hex, in: scratch)
            #expect(try repository.listFiles(under: "", at: second).joined(separator: "\n") == everything)

            let pages = try repository.readFiles(under: "pages", at: first)
            #expect(pages.mapValues(\.text) == ["pages/about.md": "About v1\n", "pages/team/ana.md": "Ana\n"])
            #expect(try repository.readFiles(under: "", at: second).count == 3)
        }
    }

    @Test func followsFirstParentsAndAnswersAncestry() throws {
        try withScratch { scratch in
            let root = try makeGitRepository(in: scratch, files: ["a.md": "1\n"])
            let mainTip = try commitWithGit(["a.md": "2\n"], message: "main work", in: scratch)
            try git("checkout", "-q", "-b", "feature", root.hex, in: scratch)
            let feature = try commitWithGit(["b.md": "feature\n"], message: "feature work", in: scratch)
            try git("checkout", "-q", "main", in: scratch)
            try git("merge", "-q", "--no-ff", "-m", "Merge feature", "feature", in: scratch)
            let merge = try gitID("HEAD", in: scratch)
            let repository = try Repository.open(at: scratch)

            let log = try repository.firstParentLog(from: merge)
            let witness = try git("rev-list", "--first-parent", merge.hex, in: scratch)
            #expect(log.map(\.id.hex).joined(separator: "\n") == witness)
            #expect(log.map(\.summary) == ["Merge feature", "main work", "Initial content"])
            #expect(try repository.firstParentLog(from: merge, limit: 2).map(\.id) == [merge, mainTip])
            #expect(try repository.firstParentLog(from: merge, limit: 0).isEmpty)
            #expect(try repository.commit(merge).parents == [mainTip, feature])

            #expect(try repository.isAncestor(root, of: merge))
            #expect(try repository.isAncestor(feature, of: merge))
            #expect(try !repository.isAncestor(feature, of: mainTip))
            #expect(try !repository.isAncestor(merge, of: root))
            #expect(try repository.isAncestor(merge, of: merge))

            let witnessBase = try #require(ObjectID(hex: try git("merge-base", mainTip.hex, feature.hex, in: scratch)))
            #expect(try repository.mergeBase(mainTip, feature) == witnessBase)
            #expect(witnessBase == root)
            try git("checkout", "-q", "--orphan", "unrelated", in: scratch)
            let unrelated = try commitWithGit(["c.md": "other\n"], message: "unrelated", in: scratch)
            #expect(try repository.mergeBase(mainTip, unrelated) == nil)
        }
    }

    @Test func listsChangedPathsBetweenCommits() throws {
        try withScratch { scratch in
            let first = try makeGitRepository(
                in: scratch, files: ["pages/about.md": "v1\n", "pages/team.md": "team\n", "z.md": "z\n"])
            let second = try commitWithGit(
                ["pages/about.md": "v2\n", "faq/new.md": "new\n"], removing: ["pages/team.md"],
                message: "second", in: scratch)
            let repository = try Repository.open(at: scratch)

            let changes = try repository.changedPaths(from: first, to: second)
            #expect(
                changes == [
                    PathChange(path: "faq/new.md", kind: .added),
                    PathChange(path: "pages/about.md", kind: .modified),
                    PathChange(path: "pages/team.md", kind: .deleted),
                ])
            let witness = try git("diff", "--no-renames", "--name-status", first.hex, second.hex, in: scratch)
            let letters: [PathChange.Kind: String] = [.added: "A", .modified: "M", .deleted: "D"]
            #expect(changes.map { "\(letters[$0.kind]!)\t\($0.path)" }.joined(separator: "\n") == witness)

            #expect(try repository.changedPaths(from: nil, to: first).map(\.path) == ["pages/about.md", "pages/team.md", "z.md"])
            #expect(try repository.changedPaths(from: nil, to: first).allSatisfy { $0.kind == .added })
            #expect(try repository.changedPaths(from: second, to: second).isEmpty)
        }
    }
}
