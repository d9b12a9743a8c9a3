import ClinicContent
import Foundation
import Testing

@Suite("Canonical form of the real content")
struct RoundTripTests {
    @Test("load then write gives byte-identical files for all of content/")
    func roundTrip() throws {
        let folder = FolderSource(root: repositoryRoot)
        let loaded = try ContentLoader().load(from: folder)
        #expect(loaded.findings.isEmpty, "\(loaded.findings.map(\.compilerStyle))")
        let written = CanonicalWriter(defaultLocale: loaded.content.clinic.defaultLocale).files(for: loaded.content)
        let onDisk = try folder.list(under: "content").filter { !$0.hasSuffix("README.md") }
        #expect(Set(written.keys) == Set(onDisk))
        for path in onDisk {
            let bytes = try #require(try folder.read(path))
            #expect(written[path].map { Data($0.utf8) } == bytes, "\(path) is not in canonical form:\n\(written[path] ?? "")")
        }
    }

    @Test("the real content validates with no findings")
    func realContentIsClean() throws {
        let (loaded, findings) = try validateRealContent()
        #expect(findings.map(\.compilerStyle) == [])
        #expect(loaded.content.faq.count == 10)
        #expect(loaded.content.locations.map(\.id).sorted() == ["glenview", "the-loop"])
    }

    @Test("the seed page's questions are all there, verbatim and in page order")
    func seedQuestionsInOrder() throws {
        // The page's text is a fixture of this test target (Fixtures/seed/README.md says where it came from).
        let page = try #require(Bundle.module.url(forResource: "clinic-page", withExtension: "txt", subdirectory: "Fixtures/seed"))
        let seed = try String(contentsOf: page, encoding: .utf8)
        let (loaded, _) = try validateRealContent()
        let questions = loaded.content.faqInPageOrder.compactMap { $0.question.translations["en"] }
        let offsets = questions.filter { $0 != "Do you use sterile needles?" }.map { seed.range(of: $0)?.lowerBound }
        #expect(!offsets.contains(nil))
        #expect(offsets.compactMap { $0 } == offsets.compactMap { $0 }.sorted())
        for entry in loaded.content.faq {
            let answer = try #require(entry.answer.translations["en"])
            #expect(seed.contains(answer), "answer of \(entry.id) is not verbatim")
        }
    }

    @Test("values that YAML would misread are quoted and read back the same")
    func quotingRoundTrip() throws {
        var content = try ContentLoader().load(from: FolderSource(root: repositoryRoot)).content
        let tricky = [
            "yes", "07:00", "60603", "+1773", "a: b", "#tag", "- dash", " padded ", "null", "2026-01-01", "line\u{2028}sep", "quote \"x\"",
            "multi\nline", "1e3", "[x]",
        ]
        for (index, text) in tricky.enumerated() {
            content.locations[0].address.street = [text]
            content.faq[0].answer.set("first\n\nsecond \(index)", locale: "es")
            content.faq[0].question.set(text, locale: "es")
            let writer = CanonicalWriter(defaultLocale: "en")
            let files = writer.files(for: content)
            let reloaded = try ContentLoader().load(from: InMemorySource(files: files.mapValues { Data($0.utf8) }))
            // A line break is written faithfully but refused in a one-line text (a street, a question) when read.
            let expected = text.contains("\n") ? ["text.control", "text.control"] : []
            #expect(reloaded.findings.map(\.rule) == expected, "\(text): \(reloaded.findings.map(\.compilerStyle))")
            let location = try #require(reloaded.content.location(content.locations[0].id))
            #expect(location.address.street == [text])
            let entry = try #require(reloaded.content.faqEntry(content.faq[0].id))
            #expect(entry.question.translations["es"] == text)
            #expect(entry.answer.translations["es"] == "first\n\nsecond \(index)")
            #expect(writer.files(for: reloaded.content) == files, "\(text) is not stable")
        }
    }
}
