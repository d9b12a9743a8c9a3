import ClinicContent
import ClinicGit
import ClinicWorkflow
import Foundation
import Testing

/// Rejecting, discarding and updating drafts through the library.
@Suite("closing and updating drafts")
struct ClosingTests {
    @Test("a rejection is recorded over the draft's tip, with the reason, and closes the draft")
    func reject() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        clinic.clock.advance()
        let rejection = try clinic.repository.reviews.reject(edit.draft, as: People.rita, reason: "  We are open on Fridays.\nAsk Jo.\n")
        #expect(rejection.reason == "We are open on Fridays.\nAsk Jo.")
        // Each rejection under a name of its own: the draft's id and the record's short id.
        let ref = "refs/clinicctl/rejected/\(edit.draft)-\(rejection.record.short)"
        #expect(try clinic.git("rev-parse", ref) == rejection.record.hex)
        #expect(try clinic.git("log", "-1", "--format=%P|%an|%s", ref) == "\(edit.commit.hex)|Rita Reviewer|Reject draft \(edit.draft)")
        #expect(try clinic.repository.drafts.list().isEmpty)
        let read = try #require(try clinic.repository.drafts.rejectedDrafts().first)
        #expect(read.id == edit.draft && read.state == .rejected && read.tip == edit.commit)
        #expect(read.rejection == rejection)
        #expect(read.edits.map(\.commit) == [edit.commit])
        #expect { _ = try clinic.repository.draft(edit.draft) } throws: { error in
            (error as? WorkflowError)?.code == .notFound && "\(error)".contains("rejected")
        }
        _ = try clinic.git("fsck", "--strict", "--no-dangling")
    }

    @Test("only a listed reviewer rejects, and only with a reason")
    func rejectRefused() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let before = try clinic.references()
        #expect(workflowErrorCode { _ = try clinic.repository.reviews.reject(edit.draft, as: People.paul, reason: "No.") } == .refused)
        #expect(workflowErrorCode { _ = try clinic.repository.reviews.reject(edit.draft, as: People.rita, reason: " \n ") } == .usage)
        #expect(try clinic.references() == before)
    }

    @Test("the author discards a draft; its commits stay under refs/clinicctl/discarded")
    func discard() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let before = try clinic.references()
        #expect(workflowErrorCode { _ = try clinic.repository.reviews.discard(edit.draft, as: People.paul) } == .refused)
        #expect(try clinic.references() == before)
        let record = try clinic.repository.reviews.discard(edit.draft, as: People.office)
        let ref = "refs/clinicctl/discarded/\(edit.draft)-\(edit.commit.short)"
        #expect(try clinic.git("rev-parse", ref) == record.hex)
        #expect(
            try clinic.git("log", "-1", "--format=%P|%s|%(trailers:key=Discarded-by,valueonly,separator=)", ref)
                == "\(edit.commit.hex)|Discard draft \(edit.draft)|\(People.office)")
        #expect(try clinic.repository.drafts.list().isEmpty)
        #expect(try clinic.repository.drafts.rejectedDrafts().isEmpty)
    }

    @Test("a closing record counts only when made by someone who may close the draft, at the clock's time")
    func closingRecordRule() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let git = try clinic.git
        /// A record of the draft written below the workflow, as plain Git could, by `maker` at the clock's time.
        func write(_ record: CommitRecord, to ref: String, by maker: Person) throws {
            clinic.clock.advance()
            let signature = Signature(name: maker.name, email: maker.email, time: clinic.clock.now)
            let commit = try git.createCommit(
                tree: try git.treeOf(edit.commit.id), parents: [edit.commit.id], author: signature, committer: signature,
                message: record.message)
            try git.updateReference(ref, to: commit, expected: nil, logMessage: "test")
        }
        let discardRef = "refs/clinicctl/discarded/\(edit.draft)-\(edit.commit.short)"
        try write(
            .rejection(.init(draft: edit.draft, reason: "No.", rejectedBy: People.rita)), to: "refs/clinicctl/rejected/\(edit.draft)",
            by: People.paul)
        try write(.discard(.init(draft: edit.draft, discardedBy: People.paul)), to: discardRef, by: People.paul)
        let forged = try clinic.repository.records.closingRecords()
        #expect(forged.map(\.verified) == [false, false])
        #expect(forged[0].unverified == "it names \(People.rita) but was made by \(People.paul)")
        #expect(forged[1].unverified?.contains("neither wrote draft \(edit.draft) nor was a reviewer") == true)
        #expect(try clinic.repository.drafts.list().map(\.id) == [edit.draft], "nothing was closed")
        #expect(try clinic.repository.drafts.rejectedDrafts().isEmpty, "an open draft's unverified rejection is no rejection")

        // The author's own discard counts (the reference holds one record: a new draft tip gets a new name).
        try git.deleteReference(discardRef, expected: try #require(try git.referenceTarget(discardRef)))
        try write(.discard(.init(draft: edit.draft, discardedBy: People.office)), to: discardRef, by: People.office)
        let records = try clinic.repository.records.closingRecords()
        #expect(records.first { $0.kind == .discard }?.verified == true)
        #expect(records.first { $0.kind == .discard }?.tip == Revision(hex: edit.commit.hex))
    }

    @Test("a draft is brought up to date after main moved: same edits, authors and messages, on the new tip")
    func update() throws {
        let clinic = try TestClinic()
        let faq = try clinic.repository.commit(
            FAQEdits.edit("what-is-dry-needling", .init(answer: "A needle treatment.")), to: nil, as: People.office)
        let hours = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.paul)
        let approval = try clinic.repository.reviews.approve(hours.draft, as: People.rita)
        #expect(try clinic.repository.reviews.review(faq.draft).upToDate == false)
        let editTime = Int(clinic.clock.now.timeIntervalSince1970)
        clinic.clock.advance(seconds: 3600)
        let update = try clinic.repository.drafts.update(faq.draft, as: People.office)
        #expect(!update.alreadyUpToDate)
        #expect(
            try clinic.git("log", "-1", "--format=%P|%an|%at|%ct|%B", update.tip.hex)
                == "\(approval.merge.hex)|Olivia Office|\(editTime)|\(editTime + 3600)|"
                + (try clinic.git("log", "-1", "--format=%B", faq.commit.hex)))
        #expect(try clinic.git("rev-parse", "refs/clinicctl/previous/\(faq.draft)") == faq.commit.hex)
        let draft = try clinic.repository.draft(faq.draft)
        #expect(draft.base == approval.merge && draft.edits.map(\.change) == ["faq.edit"])
        #expect(try clinic.repository.reviews.review(faq.draft).upToDate)
        #expect(try clinic.repository.drafts.update(faq.draft, as: People.office).alreadyUpToDate)
    }

    @Test("an update that meets a conflicting published change changes nothing")
    func updateConflict() throws {
        let clinic = try TestClinic()
        let mine = try clinic.repository.commit(FAQEdits.edit("what-is-dry-needling", .init(answer: "One.")), to: nil, as: People.office)
        let theirs = try clinic.repository.commit(FAQEdits.edit("what-is-dry-needling", .init(answer: "Two.")), to: nil, as: People.paul)
        _ = try clinic.repository.reviews.approve(theirs.draft, as: People.rita)
        let before = try clinic.references()
        #expect { _ = try clinic.repository.drafts.update(mine.draft, as: People.office) } throws: { error in
            (error as? WorkflowError)?.code == .conflict && "\(error)".contains("faq/what-is-dry-needling")
        }
        #expect(try clinic.references() == before)
    }
}
