import ClinicTestSupport
import Foundation
import Testing

@testable import ClinicContent

/// Reading back only the changed files gives what loading every file again gives:
/// the same content, the same findings once validated, the same files per record.
@Suite struct ReloadingTests {

    @Test(arguments: [1, 2, 3] as [UInt64])
    func reloadingTheChangedFilesEqualsLoadingAll(seed: UInt64) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reloading-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = RecordCache(file: folder.appendingPathComponent("records.json"))
        var files = try realContentFiles()
        var mutator = FileMutator(random: SeededRandom(state: seed))
        var loaded = try ContentLoader().load(from: NamedMemorySource(files: files, records: cache))
        var (reloads, fallbacks, oversized) = (0, 0, 0)
        for step in 0..<150 {
            var next = files
            mutator.mutate(&next)
            let changes = Set(files.keys).union(next.keys).filter { files[$0] != next[$0] }.reduce(into: [String: Data?]()) {
                $0[$1] = .some(next[$1])
            }
            let whole = try ContentLoader().load(from: NamedMemorySource(files: next, records: cache))
            if let reloaded = try loaded.reloading(changes, from: NamedMemorySource(files: files, records: cache)) {
                reloads += 1
                #expect(reloaded.content == whole.content, "seed \(seed), step \(step)")
                #expect(Validator().validate(reloaded) == Validator().validate(whole), "seed \(seed), step \(step)")
                #expect(reloaded.sources.faqFiles == whole.sources.faqFiles, "seed \(seed), step \(step)")
                #expect(reloaded.sources.locationFiles == whole.sources.locationFiles, "seed \(seed), step \(step)")
                #expect(reloaded.sources.hoursFiles == whole.sources.hoursFiles, "seed \(seed), step \(step)")
                #expect(reloaded.bytesRead == whole.bytesRead, "seed \(seed), step \(step)")
                #expect(
                    ContentDiff.changes(from: loaded, to: reloaded, changedFiles: Set(changes.keys))
                        == ContentDiff.changes(from: loaded.content, to: whole.content), "seed \(seed), step \(step)")
            } else {
                fallbacks += 1
            }
            (files, loaded) = (next, whole)
            // A file over the size limit makes every later step fall back: after a few such steps,
            // start again from the real files, so that both ways keep being taken.
            if whole.findings.contains(where: { $0.rule == Rule.fileSize.id }) {
                oversized += 1
                if oversized == 3 {
                    oversized = 0
                    files = try realContentFiles()
                    loaded = try ContentLoader().load(from: NamedMemorySource(files: files, records: cache))
                }
            }
        }
        // Both ways were taken: most steps read back the changed files alone.
        #expect(reloads > 50 && fallbacks > 0, "\(reloads) reloads, \(fallbacks) fallbacks")
    }
}
