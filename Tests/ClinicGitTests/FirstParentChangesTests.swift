import ClinicGit
import Foundation
import Testing

@Suite("First-parent changes below a folder")
struct FirstParentChangesTests {
    /// Commits that exercise each way two trees can differ: files added, changed,
    /// removed, made executable, a file turned into a folder and back, whole
    /// folders added and removed, names that sort differently as files and as
    /// folders (`a`, `a.md`, `a-b`, `a/`), a merge, and changes outside the folder.
    func history(in scratch: URL) throws -> [ObjectID] {
        var commits = [
            try makeGitRepository(in: scratch, files: ["content/faq/a.md": "1\n", "content/clinic.yaml": "x\n", "README": "r\n"])
        ]
        commits.append(try commitWithGit(["content/faq/a.md": "2\n", "content/faq/a-b.md": "n\n"], message: "edit", in: scratch))
        commits.append(try commitWithGit(["README": "r2\n"], message: "outside", in: scratch))
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o755], ofItemAtPath: scratch.appendingPathComponent("content/faq/a-b.md").path)
        commits.append(try commitWithGit([:], message: "mode", in: scratch))
        commits.append(
            try commitWithGit(["content/a/x.md": "d\n", "content/a.md": "f\n", "content/a-b": "g\n"], message: "names", in: scratch))
        commits.append(
            try commitWithGit(["content/hours/deep/one.yaml": "1\n"], removing: ["content/a/x.md"], message: "folders", in: scratch))
        // A file replaced by a folder of the same name.
        try git("rm", "-q", "content/a.md", in: scratch)
        commits.append(try commitWithGit(["content/a.md/inner.md": "i\n"], message: "file to folder", in: scratch))
        // A side branch merged in: the merge's first parent is the line walked.
        try git("checkout", "-q", "-b", "side", in: scratch)
        try commitWithGit(["content/faq/side.md": "s\n"], removing: ["content/faq/a.md"], message: "side", in: scratch)
        try git("checkout", "-q", "main", in: scratch)
        try commitWithGit(["content/social.yaml": "s\n"], message: "main", in: scratch)
        commits.append(try gitID("HEAD", in: scratch))
        try git("merge", "-q", "--no-ff", "-m", "merge", "side", in: scratch)
        commits.append(try gitID("HEAD", in: scratch))
        commits.append(try commitWithGit([:], removing: ["content/hours/deep/one.yaml", "content/faq/a-b.md"], message: "rm", in: scratch))
        return commits
    }

    @Test func findsWhatADiffWithTheFirstParentFinds() throws {
        try withScratch { scratch in
            let commits = try history(in: scratch)
            let repository = try Repository.open(at: scratch)
            var visited: [(ObjectID, [String])] = []
            let reachedStop = try repository.firstParentChanges(from: commits.last!, downTo: nil, under: "content") {
                visited.append(($0, $1))
            }
            #expect(!reachedStop)
            #expect(visited.map(\.0) == commits.reversed())
            for (commit, paths) in visited {
                let parent = try repository.commit(commit).parents.first
                let expected = try repository.changedPaths(from: parent, to: commit).map(\.path).filter { $0.hasPrefix("content/") }
                #expect(paths.sorted() == expected.sorted(), "\(commit.short)")
                let witness =
                    try parent.map { try git("diff", "--no-renames", "--name-only", $0.hex, commit.hex, in: scratch) }
                    ?? git("ls-tree", "-r", "--name-only", commit.hex, in: scratch)
                #expect(paths.sorted() == witness.split(separator: "\n").map(String.init).filter { $0.hasPrefix("content/") }.sorted())
            }
            #expect(visited.contains { !$0.1.isEmpty } && visited.contains { $0.1.isEmpty })
        }
    }

    @Test func stopsAtTheGivenCommitAndReadsOtherFolders() throws {
        try withScratch { scratch in
            let commits = try history(in: scratch)
            let repository = try Repository.open(at: scratch)
            var visited: [ObjectID] = []
            let reachedStop = try repository.firstParentChanges(from: commits.last!, downTo: commits[3], under: "content/faq") {
                commit, paths in
                visited.append(commit)
                #expect(paths.allSatisfy { $0.hasPrefix("content/faq/") })
            }
            #expect(reachedStop)
            #expect(visited == Array(commits[4...].reversed()))
            var root: [String] = []
            _ = try repository.firstParentChanges(from: commits[0], downTo: nil, under: "") { root += $1 }
            #expect(root.sorted() == ["README", "content/clinic.yaml", "content/faq/a.md"])
            var missing: [String] = []
            _ = try repository.firstParentChanges(from: commits.last!, downTo: nil, under: "nowhere") { missing += $1 }
            #expect(missing.isEmpty)
        }
    }
}
