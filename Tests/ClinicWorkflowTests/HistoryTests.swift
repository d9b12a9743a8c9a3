import ClinicContent
import ClinicGit
import Foundation
import Testing

@testable import ClinicWorkflow

/// The published history, and undoing a published change, through the library.
@Suite("history and revert")
struct HistoryTests {
    @Test("history tells each approval: who drafted, who approved, which draft and edits; newest first")
    func history() throws {
        let clinic = try TestClinic()
        let root = try clinic.repository.publishedRevision()
        let hours = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        _ = try clinic.repository.commit(
            FAQEdits.edit("what-is-dry-needling", .init(answer: "A needle treatment.")), to: hours.draft, as: People.paul)
        let first = try clinic.repository.reviews.approve(hours.draft, as: People.rita)
        let social = try clinic.repository.commit(SocialEdits.remove(.x), to: nil, as: People.office)
        clinic.clock.advance()
        let second = try clinic.repository.reviews.approve(social.draft, as: People.ravi)

        let changes = try clinic.repository.reviews.history()
        #expect(changes.map(\.commit) == [second.merge, first.merge, root])
        #expect(changes.map(\.approvedBy) == [People.ravi, People.rita, nil])
        #expect(changes.map(\.draft) == [social.draft, hours.draft, nil])
        #expect(changes[1].draftedBy == [People.office, People.paul])
        #expect(changes[1].edits == ["Hours: glenview closed Fri", "FAQ: edit \"what-is-dry-needling\""])
        #expect(changes[1].entries == ["faq/what-is-dry-needling", "hours/glenview"])
        #expect(changes[0].time == clinic.clock.now)
        #expect(changes[2].draftedBy == [People.office])
        #expect(try clinic.repository.reviews.history(entry: "hours/glenview").map(\.commit) == [first.merge, root])
        #expect(try clinic.repository.reviews.history(entry: "social").map(\.commit) == [second.merge, root])
    }

    @Test("revert opens a draft that undoes a published change; approved, main has the old content again")
    func revert() throws {
        let clinic = try TestClinic()
        let root = try clinic.repository.publishedTip()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let approval = try clinic.repository.reviews.approve(edit.draft, as: People.rita)
        clinic.clock.advance()
        let revert = try clinic.repository.reviews.revert(approval.merge.hex, as: People.office)
        #expect(revert.createdDraft && revert.draft == "revert-\(approval.merge.short)")
        #expect(revert.files == ["content/hours/glenview.yaml"])
        let message = try clinic.git(
            "log", "-1", "--format=%s|%P|%(trailers:key=Clinic-Change,valueonly,separator=)|%(trailers:key=Reverts,valueonly,separator=)",
            revert.commit.hex)
        // The reverted summary is quoted, shortened to keep the line short.
        #expect(
            message
                == "Revert \"Approve draft hours-glenview: Hours: glenview closed F…\"|\(approval.merge.hex)|revert|\(approval.merge.hex)")
        #expect(try clinic.repository.draft(revert.draft).edits.map(\.change) == ["revert"])
        _ = try clinic.repository.reviews.approve(revert.draft, as: People.ravi)
        #expect(try clinic.git("rev-parse", "main^{tree}") == (try clinic.git("rev-parse", "\(root.hex)^{tree}")))
    }

    @Test("only published changes after the first can be reverted")
    func revertRefused() throws {
        let clinic = try TestClinic()
        let root = try clinic.repository.publishedTip()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let before = try clinic.references()
        #expect(workflowErrorCode { _ = try clinic.repository.reviews.revert(root.hex, as: People.office) } == .refused)
        #expect(workflowErrorCode { _ = try clinic.repository.reviews.revert(edit.commit.hex, as: People.office) } == .refused)
        #expect(workflowErrorCode { _ = try clinic.repository.reviews.revert("no-such-revision", as: People.office) } == .notFound)
        #expect(try clinic.references() == before)
    }
}
