import ClinicContent
import ClinicWorkflow
import Foundation
import Testing

/// The drafts listing as a query (issue 26, item 3): what `drafts --json` prints, built in the library.
@Suite("draft summaries")
struct DraftSummaryTests {
    @Test("open, all and one person's drafts: rejections with their reason, checks, and who wrote what")
    func selections() throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        let hours = try repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        clinic.clock.advance()
        let social = try repository.commit(SocialEdits.remove(.x), to: nil, as: People.paul)
        _ = try repository.reviews.reject(social.draft, as: People.rita, reason: "Keep it.")

        let open = try repository.reviews.draftSummaries(.open)
        #expect(open.rows.map(\.id) == [hours.draft] && open.places == nil && open.unverifiedRecords.isEmpty)
        let row = try #require(open.rows.first)
        #expect(row.state == "open" && row.edits == 1 && row.mergesCleanly == true && row.valid == true)
        #expect(row.authors == [People.office.description] && row.rejectedBy == nil && row.notes == 0)

        let all = try repository.reviews.draftSummaries(.all)
        #expect(Set(all.rows.map(\.id)) == [hours.draft, social.draft])
        let rejected = try #require(all.rows.first { $0.id == social.draft })
        #expect(rejected.state == "rejected" && rejected.rejectionReason == "Keep it." && rejected.rejectedBy == People.rita.description)
        #expect(rejected.mergesCleanly == nil, "a rejected draft is not checked")

        #expect(try repository.reviews.draftSummaries(.wroteBy(People.paul)).rows.map(\.id) == [social.draft])
        #expect(try repository.reviews.draftSummaries(.wroteBy(People.rita)).rows.isEmpty)
    }
}
