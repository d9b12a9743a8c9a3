import ClinicPreview
import Foundation
import Testing

@Suite struct ComparePageTests {
    func site(_ fixture: BundleFixture) throws -> PreviewSite { try PreviewSite(bundleJSON: try fixture.json()) }

    @Test func exactlyTheSectionsADraftChangesAreMarked() throws {
        let published = BundleFixture()
        var draft = published
        draft.faq[2].3 = "<p>Yes, and Medicare.</p>\n"
        draft.loopWeekly = [("08:00", "18:00")]
        let changed = try site(draft).changedSections(since: try site(published))
        #expect(changed == ["faq-billing", "location-the-loop"])

        let files = try site(draft).comparing(with: try site(published))
        let compare = String(decoding: try #require(files.first { $0.path == "compare.html" }).data, as: UTF8.self)
        let marked = compare.components(separatedBy: "data-changed=\"true\"").count - 1
        #expect(marked == 2)
        #expect(compare.contains("id=\"compare-faq-billing\" data-section=\"faq-billing\" data-changed=\"true\""))
        #expect(compare.contains("id=\"compare-location-the-loop\" data-section=\"location-the-loop\" data-changed=\"true\""))
        #expect(compare.contains("data-section=\"faq-needling\" data-changed=\"false\""))
        // Both versions are on the page, each once, with ids kept unique.
        #expect(compare.contains("<p>Yes.</p>") && compare.contains("<p>Yes, and Medicare.</p>"))
        #expect(compare.contains("id=\"published-q-do-you-bill\"") && compare.contains("id=\"draft-q-do-you-bill\""))
    }

    @Test func theSameContentMarksNothing() throws {
        #expect(try site(BundleFixture()).changedSections(since: try site(BundleFixture())).isEmpty)
    }

    @Test func anAddedCategoryAndARemovedQuestionAreMarked() throws {
        let published = BundleFixture()
        var draft = published
        draft.faq.removeFirst()
        draft.faq.append(("parking", "visiting", "Where do I park?", "<p>Behind the building.</p>\n"))
        draft.categories.append(("visiting", "Visiting"))
        #expect(try site(draft).changedSections(since: try site(published)) == ["faq-needling", "faq-visiting"])
        let compare = try site(draft).comparing(with: try site(published)).first { $0.path == "compare.html" }
        #expect(String(decoding: try #require(compare).data, as: UTF8.self).contains("Not on this page"))
    }

    @Test func theCopyrightLineAndSocialLinksAreSectionsToo() throws {
        let published = BundleFixture()
        var draft = published
        draft.copyrightHolder = "Jason The PT, Inc."
        draft.social.removeLast()
        #expect(try site(draft).changedSections(since: try site(published)) == ["social", "copyright"])
    }
}
