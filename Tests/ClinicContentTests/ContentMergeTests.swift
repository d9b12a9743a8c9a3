import ClinicContent
import Foundation
import Testing

@Suite("merging two drafts field by field: what the clinic asked for")
struct ContentMergeTests {
    static let christmas = SpecialHours(from: day("2026-12-25"), closed: true, reason: LocalizedText("Christmas", locale: "en"))
    static func saturday(_ content: inout SiteContent) { content.editHours("glenview") { $0.open(.sat, [range("09:00-13:00")]) } }
    static func closeChristmas(_ content: inout SiteContent) { content.editHours("glenview") { $0.special(christmas) } }

    @Test("Glenview's Saturday hours on one side and its Christmas closure on the other: both")
    func saturdayBesideChristmas() throws {
        let merged = try MergeCase(ours: Self.saturday, theirs: Self.closeChristmas)
        #expect(merged.merge.isComplete, "\(merged.conflictLines) \(merged.merge.textMergeNeeded)")
        #expect(merged.merge.files == merged.expected(Self.saturday, Self.closeChristmas))
        let hours = try #require(try merged.mergedContent.hours(for: "glenview"))
        #expect(hours.ranges(on: .sat) == [range("09:00-13:00")])
        #expect(hours.appointment(on: .sat) == nil)
        #expect(hours.special == [Self.christmas])
    }

    @Test("two drafts each adding a category: both, the new ones after the last shared one by id")
    func twoNewCategories() throws {
        func insurance(_ c: inout SiteContent) {
            c.categories.append(FAQCategory(id: "insurance-and-billing", title: LocalizedText("Insurance and billing", locale: "en")))
        }
        func scheduling(_ c: inout SiteContent) {
            c.categories.append(FAQCategory(id: "scheduling", title: LocalizedText("Scheduling", locale: "en")))
        }
        // Each either way round: the two new ids land in one order, whichever draft came first.
        for (ours, theirs) in [(scheduling, insurance), (insurance, scheduling)]
            as [((inout SiteContent) -> Void, (inout SiteContent) -> Void)]
        {
            let merged = try MergeCase(ours: ours, theirs: theirs)
            #expect(merged.merge.isComplete, "\(merged.conflictLines)")
            #expect(try merged.mergedContent.categories.map(\.id) == ["trigger-point-dry-needling", "insurance-and-billing", "scheduling"])
            #expect(merged.merge.files == merged.expected(insurance, scheduling))
        }
    }

    @Test("an FAQ answer changed on one side and the entry translated into Spanish on the other: both")
    func answerBesideTranslation() throws {
        let id = "is-the-procedure-painful"
        func answer(_ c: inout SiteContent) { c.editFAQ(id) { $0.answer.set("Most patients feel little.", locale: "en") } }
        func spanish(_ c: inout SiteContent) {
            c.editFAQ(id) {
                $0.question.set("¿Es doloroso el procedimiento?", locale: "es")
                $0.answer.set("La mayoría de los pacientes no siente la aguja.", locale: "es")
            }
        }
        let merged = try MergeCase(ours: spanish, theirs: answer)
        #expect(merged.merge.isComplete, "\(merged.conflictLines)")
        #expect(merged.merge.files == merged.expected(answer, spanish))
        let entry = try #require(try merged.mergedContent.faqEntry(id))
        #expect(entry.answer.translations == ["en": "Most patients feel little.", "es": "La mayoría de los pacientes no siente la aguja."])
    }

    @Test("both sides setting Saturday differently: one conflict, said in the clinic's words")
    func saturdayConflict() throws {
        let merged = try MergeCase(
            ours: { $0.editHours("glenview") { $0.open(.sat, [range("08:00-12:00")]) } }, theirs: Self.saturday)
        #expect(merged.merge.conflicts.map(\.key) == ["hours/glenview:sat"])
        #expect(
            merged.conflictLines == [
                "hours glenview · Saturday: was by appointment (By appointment); now published 09:00-13:00; this draft 08:00-12:00"
            ])
        let conflict = try #require(merged.merge.conflicts.first)
        #expect(conflict.path == "content/hours/glenview.yaml")
        #expect((conflict.record, conflict.field) == ("hours glenview", "Saturday"))
        // The file with the open conflict is not among the merged files; every other one is.
        #expect(merged.merge.files["content/hours/glenview.yaml"] == nil)
        #expect(merged.merge.files.count == canonicalFiles(merged.base).count - 1)
    }
}
