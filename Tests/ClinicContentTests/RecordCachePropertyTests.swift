import ClinicTestSupport
import Foundation
import Testing

@testable import ClinicContent

/// Files in memory that name each file's bytes, as a Git revision does with blob
/// ids, and read through a record cache.
struct NamedMemorySource: ContentSource {
    var files: [String: Data]
    let records: RecordCache?

    func read(_ path: String) throws -> Data? { files[path] }
    func list(under directory: String) throws -> [String] { files.keys.filter { $0.hasPrefix(directory + "/") }.sorted() }
    /// The bytes themselves name the bytes: two files share an id only when they are the same.
    func contentID(_ path: String) -> String? { files[path].map { $0.base64EncodedString() } }
}

/// Random edits of the real content's files, written as an editor (or a careless one) would.
struct FileMutator {
    var random: SeededRandom
    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[Int.random(in: 0..<items.count, using: &random)] }
    mutating func word() -> String {
        ["cita", "needle", "care", "hola", "Loop"].randomElement(using: &random)! + "\(Int.random(in: 0..<4, using: &random))"
    }

    mutating func faq(id: String) -> String {
        let category = ["trigger-point-dry-needling", "missing-category", "extra"].randomElement(using: &random)!
        let position = Int.random(in: 1...12, using: &random) * 10
        var text = "---\nid: \(id)\nquestion: Is \(word()) fine?\ncategory: \(category)\nposition: \(position)\n"
        if Bool.random(using: &random) { text += "tags: [\(word()), Bad Tag]\n" }
        if Bool.random(using: &random) { text += "translations:\n  es:\n    question: ¿\(word())?\n    answer: Sí, <b>\(word())</b>\n" }
        if Int.random(in: 0..<4, using: &random) == 0 { text += "lastReviewed: 2026-02-30\n" }
        let answers = ["It is \(word()).", "See <script>x</script>.", "[here](javascript:x)", "![pixel](https://x.example/p.png)", ""]
        return text + "---\n\n" + answers.randomElement(using: &random)! + "\n"
    }

    /// A location file using every field the reader knows: translations, coordinates, a phone, a status.
    mutating func richLocation() -> String {
        let n = Int.random(in: 0..<10, using: &random)
        let status = ["open", "temporarily-closed", "gone"].randomElement(using: &random)!
        return """
            id: glenview
            label:
              en: Glenview \(word())
              es: Glenview \(word())
            address:
              street: [1940 Lehigh Ave, Suite \(n)]
              city: Glenview
              state: IL
              zip: "6002\(n)"
            coordinates:
              latitude: 42.07\(n)1
              longitude: \(n == 0 ? "east" : "-87.81\(n)")
            phone:
              e164: "+1847555010\(n)"
              display: (847) 555-010\(n == 1 ? 9 : n)
              capabilities: [voice, \(n == 2 ? "fax" : "sms")]
            status: \(status)

            """
    }

    /// An hours file with weekly, overnight, by-appointment and special entries.
    mutating func richHours() -> String {
        let n = Int.random(in: 0..<10, using: &random)
        return """
            location: glenview
            weekly:
              - days: [mon, tue, \(n == 0 ? "funday" : "wed")]
                opens: "07:00"
                closes: "1\(n):00"
              - days: [fri]
                opens: "22:00"
                closes: "06:00"
                overnight: \(n % 2 == 0)
            byAppointment:
              - days: [sat]
                note:
                  en: By appointment \(word())
                  es: Con cita
            special:
              - from: "2026-12-2\(n)"
                through: "2026-12-\(n == 3 ? "32" : "29")"
                closed: true
                reason: Holidays \(word())
              - from: "2026-12-31"
                ranges:
                  - opens: "09:00"
                    closes: "13:0\(n)"

            """
    }

    /// One edit; some are ones clinicctl must refuse or report.
    mutating func mutate(_ files: inout [String: Data]) {
        let faqs = files.keys.filter { $0.hasPrefix("content/faq/") }.sorted()
        switch Int.random(in: 0..<16, using: &random) {
        case 0, 1:  // add, sometimes with an id another entry has
            let id = Bool.random(using: &random) ? (pick(faqs).map(ContentLoader.stem) ?? "x") : "q-\(word())"
            files["content/faq/\(Bool.random(using: &random) ? id : "q-\(word())").md"] = Data(faq(id: id).utf8)
        case 2, 3:  // edit
            if let path = pick(faqs) { files[path] = Data(faq(id: ContentLoader.stem(path)).utf8) }
        case 4: if let path = pick(faqs) { files[path] = nil }  // remove
        case 5: if let path = pick(faqs) { files["content/faq/moved-\(word()).md"] = files.removeValue(forKey: path) }  // move
        case 6: if let path = pick(faqs) { files[path] = Data("---\nid: [broken\n---\nanswer".utf8) }
        case 7: if let path = pick(faqs) { files[path] = Data("no front matter at all".utf8) }
        case 8: if let path = pick(faqs) { files[path] = Data([0xff, 0xfe, 0x00]) }  // not UTF-8
        case 9: if let path = pick(faqs) { files[path] = Data(repeating: 0x61, count: ContentLimits.fileBytes + 1) }
        case 10:  // the default locale changes what every entry's own rules say
            let locale = ["en", "es", ""].randomElement(using: &random)!
            files["content/clinic.yaml"] = Data(
                String(decoding: files["content/clinic.yaml"]!, as: UTF8.self)
                    .replacingOccurrences(of: #"defaultLocale: .*"#, with: "defaultLocale: \(locale)", options: .regularExpression).utf8)
        case 11:  // categories come and go
            let extra = Bool.random(using: &random) ? "  - id: extra\n    title: Extra\n" : ""
            files["content/categories.yaml"] = Data(
                "categories:\n  - id: trigger-point-dry-needling\n    title: Trigger Point Dry Needling\n\(extra)".utf8)
        case 12:  // hours
            let path = "content/hours/glenview.yaml"
            let text = String(decoding: files[path] ?? Data(), as: UTF8.self)
            files[path] = Data(text.replacingOccurrences(of: Bool.random(using: &random) ? "08:00" : "17:00", with: "25:00").utf8)
        case 14:  // a location with every field, some of them wrong
            files["content/locations/glenview.yaml"] = Data(richLocation().utf8)
        case 15:  // hours with every kind of entry, some of them wrong
            files["content/hours/glenview.yaml"] = Data(richHours().utf8)
        default:  // locations
            let path = "content/locations/glenview.yaml"
            let text = String(decoding: files[path] ?? Data(), as: UTF8.self)
            files[path] = Data(text.replacingOccurrences(of: "IL", with: "Illinois").utf8)
        }
    }
}

@Suite struct RecordCachePropertyTests {

    @Test(arguments: [1, 2, 3])
    func cachedValidationEqualsAFullOneAfterEveryEdit(seed: UInt64) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("record-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("records.bin")
        var files = try realContentFiles()
        var mutator = FileMutator(random: SeededRandom(state: seed))
        var cache = RecordCache(file: file)
        var reused = 0
        for step in 0..<120 {
            mutator.mutate(&files)
            let (expected, expectedFindings) = try Validator().validate(InMemorySource(files: files))
            let source = NamedMemorySource(files: files, records: cache)
            let (cached, cachedFindings) = try Validator().validate(source)
            #expect(cachedFindings == expectedFindings, "seed \(seed), step \(step)")
            #expect(cached.content == expected.content, "seed \(seed), step \(step)")
            #expect(cached.findings == expected.findings, "seed \(seed), step \(step)")
            // Now and then the cache goes to disk and a fresh process reads it back.
            if step % 15 == 14 {
                reused += cache.hits
                cache.persist()
                cache = RecordCache(file: file)
            }
        }
        // The cache was used: most entries came from it rather than being parsed again.
        #expect(reused > 500)
    }
}
