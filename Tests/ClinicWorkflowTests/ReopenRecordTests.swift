import ClinicContent
import ClinicWorkflow
import Foundation
import Testing

/// Issue 24, item 2: every rejection and reopening is a new record; the draft's state is read from all of them.
@Suite("closing records: reject, reopen, reject again")
struct ReopenRecordTests {
    @Test("the same words on the same tip in the same second are a second record, and close the draft again")
    func sameSecond() throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        let edit = try repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let first = try repository.reviews.reject(edit.draft, as: People.rita, reason: "No.")
        let reopened = try repository.drafts.reopen(edit.draft, as: People.office)
        #expect(reopened.keptAt == "refs/clinicctl/reopened/\(edit.draft)-\(first.record.short)")
        #expect(try repository.draft(edit.draft).tip == edit.commit)
        // The clock has not moved: the same reviewer, words and tip.
        let second = try repository.reviews.reject(edit.draft, as: People.rita, reason: "No.")
        #expect(second.record != first.record)
        #expect(try repository.drafts.list().isEmpty)
        #expect(try repository.drafts.rejectedDrafts().map(\.rejection?.record) == [second.record])
        let names = try clinic.git("for-each-ref", "--format=%(refname)", "refs/clinicctl/").split(separator: "\n").map(String.init)
        #expect(
            Set(names)
                == [
                    "refs/clinicctl/rejected/\(edit.draft)-\(first.record.short)",
                    "refs/clinicctl/rejected/\(edit.draft)-\(second.record.short)",
                    "refs/clinicctl/reopened/\(edit.draft)-\(first.record.short)",
                ])
        #expect(try repository.records.closingRecords().allSatisfy(\.verified))
        _ = try repository.drafts.reopen(edit.draft, as: People.rita)
        #expect(try repository.draft(edit.draft).tip == edit.commit)
        #expect(try repository.drafts.rejectedDrafts().isEmpty)
    }

    @Test("a reopening that answers no rejection that counts, or by someone who may not reopen, does not count")
    func forgedReopenings() throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        let edit = try repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let rejection = try repository.reviews.reject(edit.draft, as: People.rita, reason: "No.")
        func forge(_ by: String, parent: String) throws -> String {
            let message = "Reopen draft \(edit.draft)\n\nReopened-by: \(by)\nDraft: \(edit.draft)\n"
            let name = by.split(separator: "<")[0].trimmingCharacters(in: .whitespaces)
            let email = String(by.split(separator: "<")[1].dropLast())
            let commit = try clinic.git(
                "-c", "user.name=\(name)", "-c", "user.email=\(email)", "commit-tree", "\(parent)^{tree}", "-p", parent, "-m", message)
            let ref = "refs/clinicctl/reopened/\(edit.draft)-\(String(parent.prefix(7)))"
            _ = try clinic.git("update-ref", ref, commit)
            return ref
        }
        // A stranger answering the real rejection: the draft stays closed.
        let stranger = try forge("Mallory <mallory@evil.example>", parent: rejection.record.hex)
        #expect(try repository.drafts.list().isEmpty && repository.drafts.rejectedDrafts().count == 1)
        let record = try #require(try repository.records.closingRecords().first { $0.reference == stranger })
        #expect(record.unverified?.contains("neither wrote draft \(edit.draft) nor was a reviewer") == true)
        _ = try clinic.git("update-ref", "-d", stranger)
        // The author answering the draft's own edit, which is no rejection.
        let nothing = try forge("\(People.office)", parent: edit.commit.hex)
        let answered = try #require(try repository.records.closingRecords().first { $0.reference == nothing })
        #expect(answered.unverified?.contains("which is no rejection of draft \(edit.draft) that counts") == true)
        #expect(try repository.drafts.rejectedDrafts().count == 1)
    }

    @Test("an older version's records still read: a rejection under the draft's id, and a reopening marked by a reference to it")
    func olderRecords() throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        let edit = try repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let rejection = try repository.reviews.reject(edit.draft, as: People.rita, reason: "No.")
        // As an older clinicctl filed it.
        _ = try clinic.git("update-ref", "refs/clinicctl/rejected/\(edit.draft)", rejection.record.hex)
        _ = try clinic.git("update-ref", "-d", "refs/clinicctl/rejected/\(edit.draft)-\(rejection.record.short)")
        #expect(try repository.drafts.rejectedDrafts().map(\.rejection?.record) == [rejection.record])
        #expect(try repository.drafts.list().isEmpty)
        // An older reopen: the draft's branch back, and a reference straight to the rejection beside it.
        _ = try clinic.git("update-ref", "refs/clinicctl/reopened/\(edit.draft)-\(rejection.record.short)", rejection.record.hex)
        _ = try clinic.git("update-ref", "refs/heads/drafts/\(edit.draft)", edit.commit.hex)
        #expect(try repository.drafts.list().map(\.id) == [edit.draft])
        #expect(try repository.drafts.rejectedDrafts().isEmpty)
        // The mark is no record: nothing lists it as unverified.
        #expect(try repository.records.unverifiedRecords().isEmpty)
    }
}
