import ClinicContent
import ClinicGit
import Foundation
import Testing

@testable import ClinicWorkflow

/// `inbox`: what waits for one person, as a reviewer and as an author.
@Suite("what waits for whom")
struct InboxTests {
    @Test("a reviewer's inbox: drafts by others, newest first, marked when they changed since she read them")
    func reviewer() throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        let older = try repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let created = clinic.clock.advance(seconds: 7_200)
        let newer = try repository.commit(HoursEdits.closed("the-loop", days: [.fri]), to: nil, as: People.office)
        clinic.clock.advance()
        let ritas = try repository.commit(HoursEdits.closed("the-loop", days: [.mon]), to: nil, as: People.rita)

        var inbox = try repository.inbox(for: People.rita)
        #expect(inbox.isReviewer)
        #expect(inbox.items.map(\.kind) == [.toReview, .toReview])
        #expect(inbox.items.map(\.draft) == [newer.draft, older.draft])
        #expect(inbox.items.map(\.next) == [.showDraft(newer.draft), .showDraft(older.draft)])
        #expect(inbox.items.first?.since == created)
        #expect(inbox.items.first?.authors == [People.office])
        #expect(inbox.items.first?.title == newer.summary)
        #expect(inbox.remote == nil && inbox.lastSync == nil)
        // Her own draft waits for Ravi, not for her.
        #expect(try repository.inbox(for: People.ravi).items.map(\.draft) == [ritas.draft, newer.draft, older.draft])

        repository.reviews.recordShown(try repository.reviews.review(older.draft), to: People.rita)
        repository.reviews.recordShown(try repository.reviews.review(newer.draft), to: People.rita)
        clinic.clock.advance()
        _ = try repository.commit(HoursEdits.closed("glenview", days: [.wed]), to: older.draft, as: People.office)
        inbox = try repository.inbox(for: People.rita)
        #expect(inbox.items.map(\.changedSinceRead) == [false, true])
        // An author who is no reviewer has no drafts to review.
        let office = try repository.inbox(for: People.office)
        #expect(!office.isReviewer)
        #expect(office.isEmpty)
    }

    @Test("an author's inbox: rejections with reasons, conflicts to update, notes left on the draft as it is")
    func author() throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        let saturday = try repository.commit(
            HoursEdits.set("glenview", days: [.sat], ranges: [TimeRange(parsing: "09:00-13:00")!]), to: nil, as: People.office)
        clinic.clock.advance()
        let later = try repository.commit(to: nil, as: People.office, draftName: "saturday-later") { _ in
            HoursEdits.set("glenview", days: [.sat], ranges: [TimeRange(parsing: "10:00-14:00")!])
        }
        clinic.clock.advance()
        let company = try repository.commit(HoursEdits.closed("the-loop", days: [.fri]), to: nil, as: People.office)
        clinic.clock.advance()
        let noted = try repository.commit(to: nil, as: People.office, draftName: "monday") { _ in
            HoursEdits.closed("the-loop", days: [.mon])
        }

        _ = try repository.reviews.approve(saturday.draft, as: People.rita)
        let rejectedAt = clinic.clock.advance()
        _ = try repository.reviews.reject(company.draft, as: People.rita, reason: "Keep the company page")
        clinic.clock.advance()
        let note = try repository.drafts.addNote(to: noted.draft, text: "approve on Jan 11", as: People.rita)
        // Her own note on a draft does not wait for her.
        _ = try repository.drafts.addNote(to: later.draft, text: "Saturday is busy", as: People.office)

        let inbox = try repository.inbox(for: People.office)
        #expect(inbox.items.map(\.kind) == [.rejected, .needsUpdate, .noted])
        #expect(inbox.items.map(\.draft) == [company.draft, later.draft, noted.draft])
        #expect(
            inbox.items.map(\.next) == [.reopenDraft(company.draft), .updateDraft(later.draft), .showDraft(noted.draft)])
        let rejection = try #require(inbox.items(.rejected).first)
        #expect(rejection.rejectedBy == People.rita)
        #expect(rejection.reason == "Keep the company page")
        #expect(rejection.since == rejectedAt)
        #expect(inbox.items(.needsUpdate).first?.conflicts == ["hours/glenview"])
        #expect(inbox.items(.needsUpdate).first?.notes.map(\.text) == ["Saturday is busy"])
        #expect(inbox.items(.noted).first?.notes == [note])

        // Once she edits the draft, the note is answered: it no longer waits.
        _ = try repository.commit(HoursEdits.closed("the-loop", days: [.tue]), to: noted.draft, as: People.office)
        #expect(try repository.inbox(for: People.office).items.map(\.kind) == [.rejected, .needsUpdate])
        // The reviewer's inbox: only what is open and not hers.
        #expect(try repository.inbox(for: People.rita).items.map(\.draft) == [noted.draft, later.draft])
    }
}
