import ClinicGit
import Foundation
import Testing

@Suite("A merge held in memory, read without writing")
struct MergedIndexTests {
    /// Lines far enough apart that each side's change merges line by line: the case in
    /// which libgit2 writes the merged file's blob into the object database.
    private let base = ["c.md": (1...12).map { "line \($0)\n" }.joined(), "a.md": "a1\n"]

    /// Every file under `.git/objects`: loose objects and packs alike.
    private func objectFiles(in repository: URL) throws -> [String] {
        let objects = repository.appendingPathComponent(".git/objects")
        return try FileManager.default.subpathsOfDirectory(atPath: objects.path).filter {
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: objects.appendingPathComponent($0).path, isDirectory: &folder)
                && !folder.boolValue
        }.sorted()
    }

    /// Ours changes line 2, theirs line 11 and adds a file: a clean merge that needs a merged blob.
    private func makeDivergedRepository(in scratch: URL) throws -> (ours: ObjectID, theirs: ObjectID) {
        let root = try makeGitRepository(in: scratch, files: base)
        let ours = try commitWithGit(
            ["c.md": base["c.md"]!.replacingOccurrences(of: "line 2\n", with: "ours 2\n")], message: "ours", in: scratch)
        try git("checkout", "-q", "-b", "side", root.hex, in: scratch)
        let theirs = try commitWithGit(
            ["c.md": base["c.md"]!.replacingOccurrences(of: "line 11\n", with: "theirs 11\n"), "new/d.md": "d\n"], message: "theirs",
            in: scratch)
        return (ours, theirs)
    }

    @Test func mergedContentIsReadWithoutWritingAnObject() throws {
        try withScratch { scratch in
            let (ours, theirs) = try makeDivergedRepository(in: scratch)
            let repository = try Repository.open(at: scratch)
            let before = try objectFiles(in: scratch)

            let merged = try repository.mergedIndex(ours: ours, theirs: theirs)

            #expect(!merged.hasConflicts)
            #expect(merged.entries.map(\.path) == ["a.md", "c.md", "new/d.md"])
            let expected = base["c.md"]!.replacingOccurrences(of: "line 2\n", with: "ours 2\n")
                .replacingOccurrences(of: "line 11\n", with: "theirs 11\n")
            #expect(try merged.contents(of: "c.md")?.text == expected)
            #expect(try merged.contents(of: "new/d.md")?.text == "d\n")
            #expect(try merged.contents(of: "missing.md") == nil)
            #expect(try objectFiles(in: scratch) == before, "the merge wrote objects into the repository")
            let mergedBlob = try #require(merged.entries.first { $0.path == "c.md" }?.blob)
            #expect(!repository.objectExists(mergedBlob), "the merged blob lives in memory only")
            // The same merge as git computes it: the witness agrees on the merged blob.
            let witness = try git("merge-tree", "--write-tree", ours.hex, theirs.hex, in: scratch)
            #expect(try git("rev-parse", "\(witness):c.md", in: scratch) == mergedBlob.hex)
        }
    }

    @Test func conflictsAreListedWithEachSide() throws {
        try withScratch { scratch in
            let root = try makeGitRepository(in: scratch, files: base)
            let ours = try commitWithGit(["a.md": "ours\n"], message: "ours", in: scratch)
            try git("checkout", "-q", "-b", "side", root.hex, in: scratch)
            let theirs = try commitWithGit(["a.md": "theirs\n"], message: "theirs", in: scratch)
            let repository = try Repository.open(at: scratch)
            let before = try objectFiles(in: scratch)

            let merged = try repository.mergedIndex(ours: ours, theirs: theirs)

            #expect(merged.hasConflicts)
            #expect(merged.conflictedPaths == ["a.md"])
            let conflict = try #require(merged.conflicts.first)
            #expect(conflict.ancestor == (try gitID("\(root.hex):a.md", in: scratch)))
            #expect(conflict.ours == (try gitID("\(ours.hex):a.md", in: scratch)))
            #expect(conflict.theirs == (try gitID("\(theirs.hex):a.md", in: scratch)))
            #expect(!merged.entries.contains { $0.path == "a.md" })
            #expect(try objectFiles(in: scratch) == before)
        }
    }

    @Test func theOldMergeWritesWhatTheMergedIndexDoesNot() throws {
        // Guards the test above: the same merge through `merge(ours:theirs:)` does write.
        try withScratch { scratch in
            let (ours, theirs) = try makeDivergedRepository(in: scratch)
            let repository = try Repository.open(at: scratch)
            let before = try objectFiles(in: scratch)
            _ = try repository.merge(ours: ours, theirs: theirs)
            #expect(try objectFiles(in: scratch) != before)
        }
    }
}
