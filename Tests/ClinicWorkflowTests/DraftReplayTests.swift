import ClinicContent
import ClinicGit
import Foundation
import Testing

@testable import ClinicWorkflow

/// `draft update` makes a draft's edits again from their operations on the published content.
@Suite("draft update replays edits")
struct DraftReplayTests {
    @Test("an edit of an entry removed meanwhile no longer applies; the others are made again and kept")
    func removedEntry() throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        let first = try repository.commit(FAQEdits.edit("what-is-dry-needling", .init(answer: "A needle.")), to: nil, as: People.office)
        let draft = first.draft
        _ = try repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: draft, as: People.office)
        _ = try repository.commit(FAQEdits.edit("is-the-procedure-painful", .init(answer: "Barely.")), to: draft, as: People.office)
        let oldTip = try repository.draft(draft).tip
        let removal = try repository.commit(FAQEdits.remove("what-is-dry-needling"), to: nil, as: People.paul)
        let approval = try repository.reviews.approve(removal.draft, as: People.rita)

        let update = try repository.drafts.update(draft, as: People.office)
        #expect(update.replayed.map(\.outcome) == [.noLongerApplies, .reapplied, .reapplied])
        #expect(update.replayed.map(\.number) == [1, 2, 3])
        #expect(update.replayed[0].summary == first.summary)
        #expect(update.replayed[0].reason?.contains("there is no FAQ entry \"what-is-dry-needling\"") == true)
        let updated = try repository.draft(draft)
        #expect(updated.base == approval.merge)
        #expect(updated.edits.map(\.change) == ["hours.closed", "faq.edit"])
        #expect(updated.edits.map(\.author) == [People.office, People.office])
        let content = try repository.load(at: updated.tip.id).content
        #expect(content.faqEntry("what-is-dry-needling") == nil)
        #expect(content.faqEntry("is-the-procedure-painful")?.answer.text(for: "en", defaultLocale: "en") == "Barely.")
        #expect(try clinic.git("rev-parse", "refs/clinicctl/previous/\(draft)") == oldTip.hex)
        #expect(try repository.findings(at: updated.tip.id).errors.isEmpty)
        // The draft now approves cleanly.
        _ = try repository.reviews.approve(draft, as: People.rita)
    }

    @Test("an edit the published content already made is skipped as already there")
    func alreadyThere() throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        let mine = try repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        _ = try repository.commit(SocialEdits.remove(.instagram), to: mine.draft, as: People.office)
        let theirs = try repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.paul)
        _ = try repository.commit(FAQEdits.remove("what-is-dry-needling"), to: theirs.draft, as: People.paul)
        _ = try repository.reviews.approve(theirs.draft, as: People.rita)
        let update = try repository.drafts.update(mine.draft, as: People.office)
        #expect(update.replayed.map(\.outcome) == [.alreadyThere, .reapplied])
        #expect(try repository.draft(mine.draft).edits.map(\.change) == ["social.remove"])
    }

    @Test("when no edit applies any more, nothing changes and each is named")
    func nothingApplies() throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        let mine = try repository.commit(FAQEdits.edit("what-is-dry-needling", .init(answer: "A needle.")), to: nil, as: People.office)
        let removal = try repository.commit(FAQEdits.remove("what-is-dry-needling"), to: nil, as: People.paul)
        _ = try repository.reviews.approve(removal.draft, as: People.rita)
        let before = try clinic.references()
        #expect { _ = try repository.drafts.update(mine.draft, as: People.office) } throws: { error in
            let error = error as? WorkflowError
            return error?.code == .conflict && error?.message.contains("1. \(mine.summary): no longer applies") == true
        }
        #expect(try clinic.references() == before)
    }

    @Test("a draft with an edit made without an operation is merged by field, as before")
    func withoutOperations() throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        var plain = HoursEdits.closed("glenview", days: [.fri])
        plain.operation = nil
        let mine = try repository.commit(plain, to: nil, as: People.office)
        let theirs = try repository.commit(SocialEdits.remove(.instagram), to: nil, as: People.paul)
        _ = try repository.reviews.approve(theirs.draft, as: People.rita)
        let update = try repository.drafts.update(mine.draft, as: People.office)
        #expect(update.replayed.isEmpty && !update.alreadyUpToDate)
        #expect(try repository.draft(mine.draft).edits.map(\.change) == ["hours.closed"])
    }
}
