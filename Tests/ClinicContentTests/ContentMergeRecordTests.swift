import ClinicContent
import Foundation
import Testing

@Suite("merging the clinic, a location and an FAQ entry field by field")
struct ContentMergeRecordTests {
    static let painful = "is-the-procedure-painful"

    @Test("clinic.yaml: disjoint fields merge, the same change merges, one field changed both ways is one conflict")
    func clinic() throws {
        func display(_ c: inout SiteContent) { c.clinic.phone.display = "(773) 999-9825" }
        func email(_ c: inout SiteContent) { c.clinic.email = "office@clinic.example" }
        func spanishName(_ c: inout SiteContent) { c.clinic.name.set("Jason el PT", locale: "es") }
        try MergeCase(ours: display, theirs: email).expectClean(display, email)
        try MergeCase(ours: spanishName, theirs: display).expectClean(spanishName, display)
        try MergeCase(ours: email, theirs: email).expectClean(email)
        let conflict = try MergeCase(ours: email, theirs: { $0.clinic.email = "front@clinic.example" })
        #expect(conflict.merge.conflicts.map(\.key) == ["clinic:email"])
        #expect(
            conflict.conflictLines == ["clinic · email: was none; now published front@clinic.example; this draft office@clinic.example"])
    }

    @Test("locations/<id>.yaml: disjoint fields merge, the same change merges, a label changed both ways is one conflict")
    func location() throws {
        func city(_ c: inout SiteContent) { c.editLocation("glenview") { $0.address.city = "Glenview Village" } }
        func zip(_ c: inout SiteContent) { c.editLocation("glenview") { $0.address.zip = "60026-1234" } }
        func closed(_ c: inout SiteContent) { c.editLocation("glenview") { $0.status = .temporarilyClosed } }
        try MergeCase(ours: city, theirs: zip).expectClean(city, zip)
        try MergeCase(ours: closed, theirs: closed).expectClean(closed)
        let conflict = try MergeCase(
            ours: { $0.editLocation("glenview") { $0.label.set("Glenview (norte)", locale: "es") } },
            theirs: { $0.editLocation("glenview") { $0.label.set("Glenview", locale: "es") } })
        #expect(conflict.merge.conflicts.map(\.key) == ["location/glenview:label.es"])
        #expect(conflict.conflictLines == ["location glenview · label (es): was none; now published Glenview; this draft Glenview (norte)"])
    }

    @Test("a location removed on one side and changed on the other: one conflict on the whole record, resolved either way")
    func locationRemovedAndChanged() throws {
        func remove(_ c: inout SiteContent) { c.locations.removeAll { $0.id == "the-loop" } }
        func zip(_ c: inout SiteContent) { c.editLocation("the-loop") { $0.address.zip = "60603-1234" } }
        let merged = try MergeCase(ours: zip, theirs: remove)
        #expect(merged.conflictLines == ["location the-loop: was there; now published removed; this draft changed (ZIP)"])
        #expect(merged.merge.conflicts.first?.key == "location/the-loop")
        #expect(try merged.resolved(["location/the-loop": .ours]).get().files == merged.expected(zip))
        #expect(try merged.resolved(["location/the-loop": .theirs]).get().files == merged.expected(zip, remove))
        // Removed on one side, untouched on the other: removed.
        try MergeCase(ours: remove, theirs: { $0.editLocation("glenview") { $0.address.zip = "60025" } })
            .expectClean(remove, { $0.editLocation("glenview") { $0.address.zip = "60025" } })
    }

    @Test("faq/<id>.md: disjoint fields merge, the same change merges, an answer changed both ways is one conflict")
    func faq() throws {
        func category(_ c: inout SiteContent) { c.editFAQ(Self.painful) { $0.category = "aftercare" } }
        func position(_ c: inout SiteContent) { c.editFAQ(Self.painful) { $0.position = 15 } }
        func tags(_ c: inout SiteContent) { c.editFAQ(Self.painful) { $0.tags = ["pain", "needles"] } }
        func reviewed(_ c: inout SiteContent) { c.editFAQ(Self.painful) { $0.lastReviewed = day("2026-11-30") } }
        try MergeCase(ours: category, theirs: position).expectClean(category, position)
        try MergeCase(ours: tags, theirs: reviewed).expectClean(tags, reviewed)
        try MergeCase(ours: tags, theirs: tags).expectClean(tags)
        func spanish(_ answer: String) -> (inout SiteContent) -> Void {
            { c in
                c.editFAQ(Self.painful) {
                    $0.question.set("¿Duele?", locale: "es")
                    $0.answer.set(answer, locale: "es")
                }
            }
        }
        let conflict = try MergeCase(ours: spanish("Un poco."), theirs: spanish("Casi nada."))
        // The Spanish question both sides wrote alike is no conflict.
        #expect(conflict.merge.conflicts.map(\.key) == ["faq/is-the-procedure-painful:answer.es"])
        #expect(
            conflict.conflictLines == [
                "faq is-the-procedure-painful · answer (es): was none; now published Casi nada.; this draft Un poco."
            ])
    }

    @Test("an FAQ entry removed on one side and changed on the other is one conflict; removed beside untouched is removed")
    func faqRemovedAndChanged() throws {
        func remove(_ c: inout SiteContent) { c.faq.removeAll { $0.id == Self.painful } }
        func answer(_ c: inout SiteContent) { c.editFAQ(Self.painful) { $0.answer.set("It stings a little.", locale: "en") } }
        let merged = try MergeCase(ours: remove, theirs: answer)
        #expect(merged.conflictLines == ["faq is-the-procedure-painful: was there; now published changed (answer); this draft removed"])
        #expect(merged.merge.files["content/faq/is-the-procedure-painful.md"] == nil)
        #expect(try merged.resolved(["faq/is-the-procedure-painful": .theirs]).get().files == merged.expected(answer))
        #expect(try merged.resolved(["faq/is-the-procedure-painful": .ours]).get().files == merged.expected(remove))
        func other(_ c: inout SiteContent) { c.editFAQ("what-is-dry-needling") { $0.position = 5 } }
        try MergeCase(ours: remove, theirs: other).expectClean(remove, other)
    }

    @Test("an entry both sides added under one id: the fields they agree on merge, the others conflict with nothing before")
    func faqAddedOnBothSides() throws {
        func add(_ answer: String) -> (inout SiteContent) -> Void {
            { c in
                c.faq.append(
                    FAQEntry(
                        id: "do-you-take-insurance", question: LocalizedText("Do you take insurance?", locale: "en"),
                        answer: LocalizedText(answer, locale: "en"), category: "trigger-point-dry-needling", position: 200))
            }
        }
        try MergeCase(ours: add("Yes."), theirs: add("Yes.")).expectClean(add("Yes."))
        let merged = try MergeCase(ours: add("Yes, most plans."), theirs: add("Yes."))
        #expect(merged.conflictLines == ["faq do-you-take-insurance · answer: was none; now published Yes.; this draft Yes, most plans."])
    }
}
