import ClinicContent
import Foundation
import Testing

@Suite("field-level differences")
struct ContentDiffTests {
    @Test("changed words are marked, kept words are not")
    func wordDiff() {
        #expect(
            WordDiff.marked("we only use sterile needles", "we always use sterile disposable needles")
                == "we [-only-] {+always+} use sterile {+disposable+} needles")
        #expect(WordDiff.marked("same", "same") == "same")
    }

    @Test("an hours change shows the week's changed days only")
    func hoursChange() throws {
        let before = try ContentLoader().load(from: FolderSource(root: repositoryRoot)).content
        var after = before
        let index = try #require(after.hours.firstIndex { $0.location == "glenview" })
        after.hours[index].byAppointment = []
        after.hours[index].weekly.append(WeeklyRange(days: [.sat], range: TimeRange(parsing: "9am-1pm")!))
        let changes = ContentDiff.changes(from: before, to: after)
        #expect(changes.count == 1)
        #expect(changes.first?.entry == "hours/glenview")
        #expect(changes.first?.fields == [.init(field: "Sat", old: "by appointment (By appointment)", new: "09:00-13:00")])
    }

    @Test("added and removed entries list their fields")
    func addedRemoved() throws {
        let before = try ContentLoader().load(from: FolderSource(root: repositoryRoot)).content
        var after = before
        after.faq.removeAll { $0.id == "do-you-use-sterile-needles" }
        after.social.append(SocialLink(network: .facebook, url: "https://www.facebook.com/x"))
        let changes = ContentDiff.changes(from: before, to: after)
        #expect(changes.map(\.entry) == ["faq/do-you-use-sterile-needles", "social"])
        #expect(changes[0].kind == .removed)
        #expect(changes[0].fields.first?.field == "question")
        #expect(changes[1].kind == .changed)
        #expect(changes[1].fields == [.init(field: "facebook", old: nil, new: "https://www.facebook.com/x")])
    }

    func realContent() throws -> SiteContent {
        try ContentLoader().load(from: FolderSource(root: repositoryRoot)).content
    }

    @Test("a category title edited in Spanish only is shown, under its locale")
    func categoryTranslation() throws {
        let before = try realContent()
        var after = before
        after.categories[0].title.set("Punción seca", locale: "es")
        let changes = ContentDiff.changes(from: before, to: after)
        #expect(changes.map(\.entry) == ["categories"])
        #expect(changes.first?.fields == [.init(field: "trigger-point-dry-needling (es)", old: nil, new: "Punción seca")])
    }

    @Test("an appointment note and a special date's reason edited in Spanish are shown")
    func hoursTranslations() throws {
        var before = try realContent()
        let index = try #require(before.hours.firstIndex { $0.location == "glenview" })
        before.hours[index].byAppointment[0].note?.set("Con cita", locale: "es")
        let christmas = SpecialHours(
            from: CalendarDay("2026-12-24")!, closed: true, reason: LocalizedText(["en": "Christmas", "es": "Navidad"]))
        before.hours[index].special = [christmas]
        var after = before
        after.hours[index].byAppointment[0].note?.set("Solo con cita", locale: "es")
        after.hours[index].special[0].reason?.set("Nochebuena", locale: "es")
        let changes = ContentDiff.changes(from: before, to: after)
        #expect(changes.map(\.entry) == ["hours/glenview"])
        #expect(
            changes.first?.fields == [
                .init(field: "Sat (es)", old: "Con cita", new: "Solo con cita"),
                .init(field: "2026-12-24 (es)", old: "Navidad", new: "Nochebuena"),
            ])
    }

    @Test("the second of two `other` links is compared with the second, not the first")
    func duplicateNetworks() throws {
        var before = try realContent()
        before.social += [
            SocialLink(network: .other, url: "https://a.example/jason"), SocialLink(network: .other, url: "https://b.example/jason"),
        ]
        var after = before
        after.social[after.social.count - 1].url = "https://c.example/jason"
        let changes = ContentDiff.changes(from: before, to: after)
        #expect(changes.first?.fields == [.init(field: "other #2", old: "https://b.example/jason", new: "https://c.example/jason")])
    }

    @Test("a link removed and added again moves from second to last, with both places")
    func movedLink() throws {
        let before = try realContent()
        var after = before
        let x = after.social.remove(at: 1)
        after.social.append(x)
        let changes = ContentDiff.changes(from: before, to: after)
        #expect(changes.map(\.entry) == ["social"])
        #expect(changes.first?.fields == [.init(field: "x", old: "2nd of 4", new: "4th of 4", move: .init(from: 2, to: 4))])
    }

    @Test("reordered categories and special hours ranges are shown")
    func reorderedLists() throws {
        var before = try realContent()
        before.categories.append(FAQCategory(id: "after-care", title: LocalizedText("After care", locale: "en")))
        let index = try #require(before.hours.firstIndex { $0.location == "the-loop" })
        let morning = try TimeRange(typed: "8am-12pm", overnight: false)
        let afternoon = try TimeRange(typed: "1pm-4pm", overnight: false)
        before.hours[index].special = [SpecialHours(from: CalendarDay("2026-12-31")!, closed: false, ranges: [morning, afternoon])]
        var after = before
        after.categories.reverse()
        after.hours[index].special[0].ranges.reverse()
        let changes = ContentDiff.changes(from: before, to: after)
        #expect(changes.map(\.entry) == ["hours/the-loop", "categories"])
        #expect(changes[0].fields == [.init(field: "2026-12-31", old: "08:00-12:00, 13:00-16:00", new: "13:00-16:00, 08:00-12:00")])
        #expect(changes[1].fields.map(\.move) == [.init(from: 2, to: 1)])
    }

    @Test("an FAQ entry moved on the page is MOVED with its old and new place; its neighbours are not")
    func movedFAQ() throws {
        let before = try realContent()
        var after = before
        let last = try #require(before.faqInPageOrder.last)
        let index = try #require(after.faq.firstIndex { $0.id == last.id })
        after.faq[index].position = before.faqInPageOrder[0].position - 10
        let changes = ContentDiff.changes(from: before, to: after)
        #expect(changes.count == 1)
        #expect(changes.first?.kind == .moved)
        #expect(
            changes.first?.fields.first == .init(field: "page order", old: "10th of 10", new: "1st of 10", move: .init(from: 10, to: 1)))
        #expect(changes.first?.fields.last?.field == "position")
    }

    @Test("days grouped differently but reading the same still show")
    func regroupedDays() throws {
        let before = try realContent()
        var after = before
        let index = try #require(after.hours.firstIndex { $0.location == "the-loop" })
        let range = after.hours[index].weekly[0].range
        after.hours[index].weekly[0].days = [.mon, .tue]
        after.hours[index].weekly.append(WeeklyRange(days: [.wed, .thu], range: range))
        let changes = ContentDiff.changes(from: before, to: after)
        #expect(changes.first?.fields.map(\.field) == ["days grouped as"])
    }
}
