import ClinicContent
import Foundation
import Testing

@testable import ClinicExport

/// The streamed writer against the encoder it replaced (`ReferenceJSONWriter`,
/// the old String-based code kept here as the witness): same bytes for every
/// file of a generated bundle large enough to cross many output chunks.
@Suite struct StreamedBundleTests {
    /// Fragments that exercise every escape: markup, U+2028/9, control
    /// characters, quotes, backslashes, CRLF, tabs, emoji, combining marks.
    static let fragments = [
        "Most people feel *little* discomfort.", "<script>alert(1)</script> & more", "line\u{2028}separator\u{2029}para",
        "tab\there", "quote \" and back\\slash", "crlf\r\nnext", "ctrl \u{01}\u{1F}\u{7F} end", "emoji 👩🏽‍⚕️ é (e\u{301})",
        "- a twitch\n- soreness\n", "1. first\n2. second\n", "`code` and [a link](https://example.com/?a=1&b=2)",
        "¿Duele? Sí, un poco.", "\u{E2}\u{80} not a separator: â€", "   spaced   ",
    ]

    /// `richContent()` with `count` more FAQ entries in several categories and `locations` more locations with hours.
    static func largeContent(count: Int, locations: Int) -> SiteContent {
        var content = richContent()
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func pick() -> String {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return fragments[Int(seed >> 33) % fragments.count]
        }
        let categories = (0..<7).map {
            FAQCategory(id: "topic-\($0)", title: LocalizedText(["en": "Topic \($0) <\(pick())>", "es": "Tema \($0)"]))
        }
        content.categories += categories
        for index in 0..<count {
            let answer = (0..<4).map { _ in pick() }.joined(separator: "\n\n")
            let spanish = index.isMultiple(of: 2) ? ["es": "Respuesta \(index): \(pick())"] : [:]
            content.faq.append(
                FAQEntry(
                    id: "question-\(index)", question: LocalizedText(["en": "Question \(index) \(pick())?"].merging(spanish) { a, _ in a }),
                    answer: LocalizedText(["en": answer].merging(spanish) { a, _ in a }),
                    category: categories[index % categories.count].id, position: (index * 7919) % 1000, tags: [pick()]))
        }
        let template = content.locations[0]
        let hours = content.hours[0]
        for index in 0..<locations {
            var location = template
            location.id = "place-\(index)"
            location.label = LocalizedText(["en": "Place \(index) \(pick())"])
            content.locations.append(location)
            var copy = hours
            copy.location = location.id
            content.hours.append(copy)
        }
        return content
    }

    @Test func streamedFilesAreTheOldEncodersBytes() throws {
        let content = Self.largeContent(count: 3000, locations: 40)
        let files = BundleExporter().files(for: content, source: fixedSource)
        #expect(try #require(files["bundle.json"]).count > 4 * JSONOutput.chunkSize)
        for locales in [content.locales] + content.locales.map({ [$0] }) {
            let document = BundleDocument(content: content, source: fixedSource, locales: locales)
            let name = locales.count > 1 ? "bundle.json" : "bundle.\(locales[0]).json"
            #expect(JSONWriter.data(document.document) == ReferenceJSONWriter.data(document.json), "\(name)")
            if locales.count > 1 || locales[0] != content.clinic.defaultLocale {
                #expect(files[name] == ReferenceJSONWriter.data(document.json), "\(name)")
            }
        }
        for locale in content.locales {
            let document = LinkedDataDocument(content: content, locale: locale)
            let name = locale == content.clinic.defaultLocale ? "clinic.jsonld" : "clinic.\(locale).jsonld"
            #expect(files[name] == ReferenceJSONWriter.data(document.json), "\(name)")
        }
        #expect(files["bundle.schema.json"] == ReferenceJSONWriter.data(BundleSchema.json))
    }

    @Test func aBundleStreamedToDiskIsTheBundleInMemory() throws {
        let content = Self.largeContent(count: 1500, locations: 10)
        let files = BundleExporter().files(for: content, source: fixedSource)
        try withTemporaryDirectory { dir in
            let target = dir.appendingPathComponent("out")
            let written = try BundleWriter.write(content, source: fixedSource, to: target)
            #expect(written.map(\.name) == files.names)
            for file in written {
                let data = try Data(contentsOf: target.appendingPathComponent(file.name))
                #expect(data == files[file.name], "\(file.name)")
                #expect(file.size == data.count)
                #expect(file.sha256 == DeploymentCheck.sha256(data))
            }
            #expect(try filePaths(in: target) == files.names.sorted())
        }
    }

    @Test func quotingMatchesTheOldEncoderCharacterByCharacter() {
        var texts = Self.fragments + [""]
        for scalar in Array(0..<0x80) + [0xA0, 0x2027, 0x2028, 0x2029, 0x202A, 0xFEFF, 0x1F600] {
            texts.append("a" + String(Character(Unicode.Scalar(UInt32(scalar))!)) + "b")
        }
        for text in texts {
            #expect(JSONWriter.string(.string(text)) == ReferenceJSONWriter.string(.string(text)), "\(text.debugDescription)")
        }
        let numbers: JSONValue = [.double(1.5), .double(-0.25), .double(3), .double(1e20), .int(-7), .bool(true), .null, [:], []]
        #expect(JSONWriter.string(numbers) == ReferenceJSONWriter.string(numbers))
    }
}
