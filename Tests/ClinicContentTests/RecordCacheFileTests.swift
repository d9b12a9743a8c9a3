import Foundation
import Testing

@testable import ClinicContent

/// A cache file that cannot be trusted is ignored and rebuilt; one that cannot be written is done without.
@Suite struct RecordCacheFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("record-cache-file-\(UUID().uuidString)")
    var file: URL { folder.appendingPathComponent("records.bin") }

    /// Validates the real content through a fresh cache read from `file`; returns its findings and how many records it reused.
    func validateThroughCache(_ files: [String: Data], build: String = RecordCache.currentBuild) throws -> ([Finding], Int) {
        let cache = RecordCache(file: file, build: build)
        let findings = try Validator().validate(NamedMemorySource(files: files, records: cache)).1
        cache.persist()
        return (findings, cache.hits)
    }

    @Test(arguments: ["garbage", "truncated", "one byte changed", "longer", "another build", "empty"])
    func anUntrustworthyFileIsIgnoredAndRebuilt(damage: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try realContentFiles()
        let expected = try Validator().validate(InMemorySource(files: files)).1
        #expect(try validateThroughCache(files).1 == 0)
        let written = try Data(contentsOf: file)
        switch damage {
        case "garbage": try Data("{\"build\": 3, \"records\": nonsense".utf8).write(to: file)
        case "truncated": try written.prefix(written.count / 2).write(to: file)
        case "empty": try Data().write(to: file)
        case "one byte changed":
            // The middle of the records: a changed letter in a question or a line number.
            var bytes = [UInt8](written)
            bytes[bytes.count / 2] ^= 0x04
            try Data(bytes).write(to: file)
        case "longer": try (written + Data([0])).write(to: file)
        default:
            // A file another clinicctl wrote: its records may come from other parsing rules.
            _ = try validateThroughCache(files, build: "records-0 another clinicctl")
            #expect(try validateThroughCache(files, build: "records-0 another clinicctl").1 > 0)
        }
        let (findings, hits) = try validateThroughCache(files)
        #expect(findings == expected)
        #expect(hits == 0)
        // Rebuilt: the next run reads every FAQ, location and hours record from it.
        let recordCount = files.keys.filter {
            ($0.hasPrefix("content/faq/") && $0.hasSuffix(".md")) || $0.hasPrefix("content/locations/") || $0.hasPrefix("content/hours/")
        }.count
        let (again, reused) = try validateThroughCache(files)
        #expect(again == expected)
        #expect(reused == recordCount)
    }

    @Test func recordsOfOtherRevisionsNeverChangeTheFindings() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = try realContentFiles()
        _ = try validateThroughCache(files)
        // The same paths with other bytes: the cache holds records for these paths, of other blobs.
        for path in files.keys where path.hasPrefix("content/faq/") {
            files[path] = Data(
                String(decoding: files[path]!, as: UTF8.self).replacingOccurrences(of: "category: ", with: "category: gone-").utf8)
        }
        for path in files.keys where path.hasPrefix("content/hours/") || path.hasPrefix("content/locations/") {
            let text = String(decoding: files[path]!, as: UTF8.self)
            files[path] = Data((text.replacingOccurrences(of: "the-loop", with: "gone") + "# another revision\n").utf8)
        }
        let expected = try Validator().validate(InMemorySource(files: files)).1
        let (findings, hits) = try validateThroughCache(files)
        #expect(findings == expected)
        #expect(hits == 0)
        #expect(!expected.isEmpty)
    }

    @Test func aCacheThatCannotBeWrittenIsDoneWithout() throws {
        // A file where the cache's folder should be: nothing can be written below it.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("blocked")
        try Data().write(to: blocker)
        let cache = RecordCache(file: blocker.appendingPathComponent("records.bin"))
        let files = try realContentFiles()
        let findings = try Validator().validate(NamedMemorySource(files: files, records: cache)).1
        cache.persist()
        #expect(findings == (try Validator().validate(InMemorySource(files: files)).1))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["blocked"])
    }
}
