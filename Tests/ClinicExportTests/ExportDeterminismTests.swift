import ClinicContent
import ClinicWorkflow
import Foundation
import Testing

@testable import ClinicExport

@Suite struct ExportDeterminismTests {
    func allFiles(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try filePaths(in: folder) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test func sameRevisionGivesByteIdenticalFiles() throws {
        try withTemporaryDirectory { dir in
            let repoURL = try makeRepository(at: dir)
            let tip = try #require(Revision(hex: try git(["rev-parse", "HEAD"], in: repoURL)))
            let first = try writeBundle(try openRepository(repoURL).bundle(at: tip), in: dir, name: "one")
            // A new commit elsewhere and a fresh repository handle must not change the old revision's bundle.
            try commitFiles(["notes.txt": "unrelated\n"], in: repoURL, message: "Unrelated")
            let second = try writeBundle(try openRepository(repoURL).bundle(at: tip), in: dir, name: "two")
            let a = try allFiles(first)
            let b = try allFiles(second)
            #expect(
                a.keys.sorted()
                    == (["bundle.json", "bundle.schema.json", "clinic.jsonld", "manifest.json"] + listingNames(["glenview", "the-loop"]))
                    .sorted())
            #expect(a == b)
            let bundle = try parseJSON(a["bundle.json"])
            #expect(bundle["revision"] as? String == tip.hex)
            let time = try git(["show", "-s", "--format=%ct", tip.hex], in: repoURL)
            let seconds = try #require(Double(time))
            #expect(bundle["generatedAt"] as? String == BundleDocument.timestamp(Date(timeIntervalSince1970: seconds)))
            #expect(a.values.allSatisfy { $0.last == UInt8(ascii: "\n") })
            #expect(a.filter { $0.key.hasSuffix(".ics") }.values.allSatisfy { $0.suffix(2) == Data("\r\n".utf8) })
        }
    }

    @Test func twoRevisionsDifferOnlyWhereTheContentDiffers() throws {
        try withTemporaryDirectory { dir in
            let repoURL = try makeRepository(at: dir)
            let repository = try openRepository(repoURL)
            let old = try repository.publishedRevision()
            let path = "content/faq/is-the-procedure-painful.md"
            var text = try String(contentsOf: repoURL.appendingPathComponent(path), encoding: .utf8)
            text = text.trimmingCharacters(in: .newlines) + " Most people say it is worth it.\n"
            let new = try commitFiles([path: text], in: repoURL, message: "Longer answer")
            let before = try repository.bundle(at: old)
            let after = try repository.bundle(at: new)
            #expect(before["bundle.schema.json"] == after["bundle.schema.json"])
            let changed = differences(
                try JSONSerialization.jsonObject(with: #require(before["bundle.json"])),
                try JSONSerialization.jsonObject(with: #require(after["bundle.json"])))
            let index = try #require(try parseJSON(after["bundle.json"])["faq"] as? [[String: Any]])
                .firstIndex { $0["id"] as? String == "is-the-procedure-painful" }!
            let answer = "/faq/\(index)/answer"
            #expect(
                Set(changed).subtracting(["/revision", "/generatedAt"])
                    == ["\(answer)/markdown/en", "\(answer)/html/en", "\(answer)/plainText/en"])
            let linkedData = differences(
                try JSONSerialization.jsonObject(with: #require(before["clinic.jsonld"])),
                try JSONSerialization.jsonObject(with: #require(after["clinic.jsonld"])))
            #expect(linkedData.count == 1 && linkedData[0].hasSuffix("/acceptedAnswer/text"), "\(linkedData)")
        }
    }

    @Test func workingTreeExportIsRepeatableAndSaysSo() throws {
        try withTemporaryDirectory { dir in
            let repoURL = try makeRepository(at: dir)
            try writeFiles(["content/social.yaml": "links: []\n"], in: repoURL)
            let repository = try openRepository(repoURL)
            let one = try repository.workingTreeBundle()
            let two = try repository.workingTreeBundle()
            #expect(one == two)
            let bundle = try parseJSON(one["bundle.json"])
            #expect(bundle["fromWorkingTree"] as? Bool == true)
            #expect(bundle["revision"] as? String == (try repository.publishedRevision()).hex)
            #expect((bundle["social"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func invalidContentIsNotExported() throws {
        try withTemporaryDirectory { dir in
            let repoURL = try makeRepository(at: dir)
            let bad = try commitFiles(
                [
                    "content/faq/bad.md":
                        "---\nid: bad\nquestion: Bad?\ncategory: trigger-point-dry-needling\nposition: 5\n---\n<script>alert(1)</script>\n"
                ],
                in: repoURL, message: "Bad answer")
            #expect {
                try openRepository(repoURL).bundle(at: bad)
            } throws: { error in
                (error as? WorkflowError)?.code == .invalid && !((error as? WorkflowError)?.findings.isEmpty ?? true)
            }
        }
    }

    /// Paths (`/faq/3/answer/html/en`) where two JSON values differ.
    func differences(_ a: Any, _ b: Any, at path: String = "") -> [String] {
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            return Set(x.keys).union(y.keys).sorted().flatMap { key -> [String] in
                guard let left = x[key], let right = y[key] else { return ["\(path)/\(key)"] }
                return differences(left, right, at: "\(path)/\(key)")
            }
        case (let x as [Any], let y as [Any]):
            guard x.count == y.count else { return [path] }
            return zip(x, y).enumerated().flatMap { differences($0.element.0, $0.element.1, at: "\(path)/\($0.offset)") }
        default:
            return (a as? NSObject) == (b as? NSObject) ? [] : [path]
        }
    }
}
