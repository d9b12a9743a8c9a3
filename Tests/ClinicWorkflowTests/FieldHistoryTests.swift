import ClinicContent
import ClinicWorkflow
import Foundation
import Testing

/// `history ENTRY --field F` and the clinic's time zone, through the library.
@Suite("field history and the clinic's time")
struct FieldHistoryTests {
    /// Saturday changed at Glenview, then Monday, then Saturday at the Loop.
    func clinicWithHourChanges() throws -> (TestClinic, saturday: ApprovalResult, monday: ApprovalResult) {
        let clinic = try TestClinic()
        let sat = try clinic.repository.commit(
            HoursEdits.set("glenview", days: [.sat], ranges: [TimeRange(parsing: "09:00-13:00")!]), to: nil, as: People.office)
        let saturday = try clinic.repository.reviews.approve(sat.draft, as: People.rita)
        clinic.clock.advance()
        let mon = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.mon]), to: nil, as: People.office)
        let monday = try clinic.repository.reviews.approve(mon.draft, as: People.rita)
        clinic.clock.advance()
        let loop = try clinic.repository.commit(
            HoursEdits.set("the-loop", days: [.sat], ranges: [TimeRange(parsing: "10:00-12:00")!]), to: nil, as: People.office)
        _ = try clinic.repository.reviews.approve(loop.draft, as: People.ravi)
        return (clinic, saturday, monday)
    }

    @Test("only the approvals that changed that day, however the day is written, with the day's old and new value")
    func onlyThatField() throws {
        let (clinic, saturday, monday) = try clinicWithHourChanges()
        let root = try clinic.git("rev-list", "--max-parents=0", "main")
        for typed in ["sat", "Saturday", "SAT.", "satur"] {
            let changes = try clinic.repository.reviews.history(entry: "hours/glenview", field: typed)
            // The first commit set Saturday too; Monday's approval and the Loop's did not touch Glenview's Saturday.
            #expect(changes.map(\.commit.hex) == [saturday.merge.hex, root], "\(typed)")
            #expect(changes.first?.fieldChanges?.map(\.field) == ["Sat"])
            #expect(changes.first?.fieldChanges?.first?.new == "09:00-13:00")
        }
        #expect(try clinic.repository.reviews.history(entry: "hours/glenview", field: "mon").map(\.commit.hex).first == monday.merge.hex)
        #expect(try clinic.repository.reviews.history(entry: "hours/glenview", field: "sun").map(\.commit.hex) == [root])
        #expect(try clinic.repository.reviews.history(entry: "hours/glenview", field: nil).count == 3)
    }

    @Test("a field the entry never had, or an entry that never existed, is refused naming the choices; nothing is written")
    func refusals() throws {
        let (clinic, _, _) = try clinicWithHourChanges()
        let before = try clinic.references()
        var error: WorkflowError?
        do { _ = try clinic.repository.reviews.history(entry: "hours/glenview", field: "lunch") } catch let e as WorkflowError { error = e }
        #expect(error?.code == .notFound)
        #expect(error?.message.contains("Sat") == true && error?.message.contains("lunch") == true, "\(String(describing: error))")
        error = nil
        do { _ = try clinic.repository.reviews.history(entry: "hours/glenveiw", field: "sat") } catch let e as WorkflowError { error = e }
        #expect(error?.code == .notFound)
        #expect(error?.message.contains("glenview") == true, "\(String(describing: error))")
        #expect(workflowErrorCode { _ = try clinic.repository.reviews.history(entry: "faq/no-such-question", field: nil) } == .notFound)
        #expect(try clinic.references() == before)
    }

    @Test("an FAQ answer's history includes its other locales; a field is matched case-insensitively")
    func faqAnswer() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(
            FAQEdits.edit("what-is-dry-needling", .init(answer: "A needle treatment.")), to: nil, as: People.office)
        let approved = try clinic.repository.reviews.approve(edit.draft, as: People.rita)
        let changes = try clinic.repository.reviews.history(entry: "faq/what-is-dry-needling", field: "Answer")
        #expect(changes.first?.commit == approved.merge)
        #expect(changes.first?.fieldChanges?.contains { $0.field == "answer" && $0.new == "A needle treatment." } == true)
        #expect(
            try clinic.repository.reviews.history(entry: "faq/what-is-dry-needling", field: "category").map(\.commit) != [approved.merge])
    }

    @Test("times read in the clinic's zone, named, in winter and summer; an unknown zone reads as UTC")
    func clinicTime() throws {
        let chicago = ClinicTimeZone(identifier: "America/Chicago")
        let winter = ISO8601DateFormatter().date(from: "2026-11-29T16:42:00Z")!
        let summer = ISO8601DateFormatter().date(from: "2026-07-01T16:42:00Z")!
        #expect(chicago.text(winter) == "2026-11-29 10:42 CST")
        #expect(chicago.iso8601(winter) == "2026-11-29T10:42:00-06:00")
        #expect(chicago.text(summer) == "2026-07-01 11:42 CDT")
        #expect(chicago.iso8601(summer) == "2026-07-01T11:42:00-05:00")
        let nowhere = ClinicTimeZone(identifier: "Mars/Olympus")
        #expect(nowhere.identifier == "UTC" && nowhere.iso8601(winter) == "2026-11-29T16:42:00+00:00")
        let clinic = try TestClinic()
        #expect(try clinic.repository.reviews.clinicTimeZone().identifier == "America/Chicago")
    }
}
