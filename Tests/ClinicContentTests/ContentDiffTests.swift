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
}
