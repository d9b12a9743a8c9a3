import ClinicContent
import ClinicGit
import Foundation
import Testing

@testable import ClinicWorkflow

/// `faq list` reads a remembered listing of the revision's tree: it must list what
/// loading the whole content lists, and trust only a whole listing of this build and tree.
@Suite("the FAQ listing, remembered per tree")
struct FAQListingTests {
    let clinic: TestClinic

    init() throws { clinic = try TestClinic() }

    var listingFile: URL { get throws { try clinic.git.gitDirectory.appendingPathComponent("clinicctl/cache/faq-list.txt") } }

    func expectSameAsWholeLoad(_ revision: Revision) throws {
        let whole = FAQListing.rows(of: try clinic.repository.load(at: revision).content)
        #expect(try clinic.reopened().faqListing(at: revision) == whole)
    }

    @Test("each revision lists what loading it whole lists, with the listing written and read back")
    func sameAsWholeLoad() throws {
        let repository = clinic.repository
        let first = try repository.publishedRevision()
        // Another revision: an entry added, one moved, one with a Spanish question and tags.
        let added = try repository.commit(to: nil, as: People.office) { content in
            try FAQEdits.add(
                .init(question: "Do you take insurance?", answer: "Yes.", category: "trigger-point-dry-needling"), id: nil,
                placement: .position(1), in: content)
        }
        let second = try repository.readingRevision(revision: nil, draft: added.draft)
        for revision in [first, second, first] {
            try expectSameAsWholeLoad(revision)
            #expect(FileManager.default.fileExists(atPath: try listingFile.path))
            try expectSameAsWholeLoad(revision)
        }
        #expect(try clinic.repository.faqListing(at: second).first?.question == "Do you take insurance?")
    }

    @Test("a listing is used only when whole and written by this build for this tree")
    func trustedOnlyWhole() throws {
        let revision = try clinic.repository.publishedRevision()
        let whole = try clinic.reopened().faqListing(at: revision)
        let stored = try #require(FAQListingFile(text: try String(contentsOf: try listingFile, encoding: .utf8)))
        #expect(stored.rows == whole)
        // Planted: one entry's question changed, which loading never says.
        var planted = stored
        planted.rows[0].question = "Planted?"
        func plant(_ file: FAQListingFile) throws { try Data(try #require(file.text).utf8).write(to: try listingFile) }
        try plant(planted)
        #expect(try clinic.reopened().faqListing(at: revision)[0].question == "Planted?")
        var other = planted
        other.build = "another build"
        try plant(other)
        #expect(try clinic.reopened().faqListing(at: revision) == whole)
        other = planted
        other.tree = String(repeating: "0", count: 40)
        try plant(other)
        #expect(try clinic.reopened().faqListing(at: revision) == whole)
        try plant(planted)
        try Data(try String(contentsOf: try listingFile, encoding: .utf8).dropLast(3).utf8).write(to: try listingFile)
        #expect(try clinic.reopened().faqListing(at: revision) == whole)
        // A value that cannot be written on one line leaves no listing to trust.
        planted.rows[0].question = "Two\tcolumns?"
        #expect(planted.text == nil)
    }
}
