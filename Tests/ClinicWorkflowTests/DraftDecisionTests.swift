import ClinicContent
import ClinicWorkflow
import Foundation
import Testing

/// Approve, reject and discard as values: a tip choice and a delivery in, one decision out.
@Suite("decisions on a draft")
struct DraftDecisionTests {
    @Test("a reviewer who never opened the draft approves the tip read now and gets the review approved")
    func approveUnseen() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let decision = try clinic.repository.reviews.approve(edit.draft, as: People.rita, tip: .lastShown, delivery: .here)
        #expect(decision.kind == .approval && decision.draft == edit.draft)
        #expect(decision.shownNow?.tip == edit.commit)
        #expect(decision.reference == "refs/heads/main")
        #expect(try clinic.git("rev-parse", "main") == decision.record.hex)
        #expect(decision.approval?.approvedCommit == edit.commit)
        #expect(decision.sent == nil && decision.localServer == nil)
    }

    @Test("the tip last shown is approved without showing it again; a named tip the draft moved past is refused")
    func approveShownAndNamed() throws {
        let clinic = try TestClinic()
        let first = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        clinic.repository.reviews.recordShown(try clinic.repository.reviews.review(first.draft), to: People.rita)
        let second = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.thu]), to: first.draft, as: People.office)
        let before = try clinic.references()
        #expect(
            workflowErrorCode {
                _ = try clinic.repository.reviews.approve(first.draft, as: People.rita, tip: .named(first.commit), delivery: .here)
            } != nil)
        #expect(try clinic.references() == before)
        let decision = try clinic.repository.reviews.approve(first.draft, as: People.rita, tip: .named(second.commit), delivery: .here)
        #expect(decision.shownNow == nil)
        #expect(decision.approval?.approvedCommit == second.commit)
    }

    @Test("reject and discard return the same shape, naming the record's real reference")
    func closings() throws {
        let clinic = try TestClinic()
        let turnedDown = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let rejected = try clinic.repository.reviews.reject(
            turnedDown.draft, as: People.rita, reason: "We open on Fridays.", delivery: .here)
        #expect(rejected.kind == .rejection && rejected.rejection?.reason == "We open on Fridays.")
        #expect(try clinic.git("rev-parse", rejected.reference) == rejected.record.hex)
        let withdrawn = try clinic.repository.commit(HoursEdits.closed("the-loop", days: [.fri]), to: nil, as: People.office)
        let discarded = try clinic.repository.reviews.discard(withdrawn.draft, as: People.office, delivery: .here)
        #expect(discarded.kind == .discard && discarded.rejection == nil && discarded.approval == nil)
        #expect(discarded.reference.hasPrefix(ContentRepository.discardedPrefix + withdrawn.draft + "-"))
        #expect(try clinic.git("rev-parse", discarded.reference) == discarded.record.hex)
    }

    @Test("a repository with no server delivers here, whatever is asked")
    func deliveryChoice() throws {
        let clinic = try TestClinic()
        #expect(Delivery.choose(for: clinic.repository, hereOnly: false) == .here)
        #expect(Delivery.choose(for: clinic.repository, hereOnly: true) == .here)
    }
}
