import ClinicContent
import ClinicGit
import ClinicWorkflow
import Foundation
import Testing

/// What `post-receive` tells the notifiers, from Git's `old new ref` lines.
@Suite("events of a push")
struct PushEventsTests {
    static let zero = String(repeating: "0", count: 40)

    func update(_ old: Revision?, _ new: Revision?, _ reference: String) throws -> ProposedUpdate {
        try #require(ProposedUpdate(line: "\(old?.hex ?? Self.zero) \(new?.hex ?? Self.zero) \(reference)"))
    }

    @Test("a new draft, a changed one, an approval and a rejection: one event each, with who, what and the clock's time")
    func eachActionIsOneEvent() throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        let first = try repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        clinic.clock.advance()
        let pushed = repository.events(after: [try update(nil, first.commit, "refs/heads/drafts/\(first.draft)")])
        #expect(pushed.problems.isEmpty)
        #expect(
            pushed.events == [
                ClinicEvent(
                    kind: .draftPushed, draft: first.draft, title: first.summary, by: People.office, revision: first.commit,
                    time: clinic.clock.now)
            ])

        let second = try repository.commit(HoursEdits.closed("the-loop", days: [.wed]), to: first.draft, as: People.paul)
        let changed = repository.events(after: [try update(first.commit, second.commit, "refs/heads/drafts/\(first.draft)")])
        let change = try #require(changed.events.first)
        #expect(changed.events.count == 1)
        #expect(change.kind == .draftChanged && change.draft == first.draft && change.by == People.paul)
        #expect(change.revision == second.commit && change.previousRevision == first.commit)
        #expect(change.title == "\(first.summary) (+1 more)")

        let before = try repository.publishedRevision()
        clinic.clock.advance()
        let approval = try repository.reviews.approve(first.draft, as: People.rita, message: "Thanks, Olivia.")
        let after = try repository.publishedRevision()
        let approved = repository.events(after: [
            try update(before, after, "refs/heads/main"), try update(second.commit, nil, "refs/heads/drafts/\(first.draft)"),
        ])
        #expect(
            approved.events == [
                ClinicEvent(
                    kind: .approved, draft: first.draft, title: "\(first.summary) (+1 more)", by: People.rita, note: "Thanks, Olivia.",
                    revision: approval.mergedRevision, previousRevision: before, time: clinic.clock.now)
            ], "the deleted draft tells nothing")

        let other = try repository.commit(HoursEdits.closed("glenview", days: [.mon]), to: nil, as: People.office)
        let rejection = try repository.reviews.reject(other.draft, as: People.ravi, reason: "We open on Mondays.\nAsk Jo.")
        let rejected = repository.events(after: [try update(nil, rejection.record, "refs/clinicctl/rejected/\(other.draft)")])
        #expect(
            rejected.events == [
                ClinicEvent(
                    kind: .rejected, draft: other.draft, title: other.summary, by: People.ravi, reason: "We open on Mondays.\nAsk Jo.",
                    revision: rejection.record, previousRevision: other.commit, time: clinic.clock.now)
            ])
    }

    @Test("several approvals in one push are told oldest first; a push that starts the branch tells none")
    func approvalsOfOnePush() throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        let start = try repository.publishedRevision()
        let hours = try repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        _ = try repository.reviews.approve(hours.draft, as: People.rita)
        let social = try repository.commit(HoursEdits.closed("the-loop", days: [.fri]), to: nil, as: People.office)
        _ = try repository.reviews.approve(social.draft, as: People.ravi)
        let tip = try repository.publishedRevision()
        let told = repository.events(after: [try update(start, tip, "refs/heads/main")])
        #expect(told.events.map(\.draft) == [hours.draft, social.draft])
        #expect(told.events.map(\.by) == [People.rita, People.ravi])
        #expect(repository.events(after: [try update(nil, tip, "refs/heads/main")]).events.isEmpty)
    }

    @Test("a rejection record that does not count is not told, and says why; the other references still are")
    func forgedRejectionIsAProblem() throws {
        let clinic = try TestClinic()
        let edit = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        let git = try clinic.git
        let signature = Signature(name: People.paul.name, email: People.paul.email, time: clinic.clock.now)
        let forged = try git.createCommit(
            tree: try git.treeOf(edit.commit.id), parents: [edit.commit.id], author: signature, committer: signature,
            message: CommitRecord.rejection(.init(draft: edit.draft, reason: "No.", rejectedBy: People.rita)).message)
        let reference = "refs/clinicctl/rejected/\(edit.draft)"
        try git.updateReference(reference, to: forged, expected: nil, logMessage: "test")
        let told = clinic.repository.events(after: [
            try update(nil, Revision(forged), reference), try update(nil, edit.commit, "refs/heads/drafts/\(edit.draft)"),
            try update(nil, edit.commit, "refs/heads/elsewhere"),
        ])
        #expect(told.events.map(\.kind) == [.draftPushed])
        #expect(
            told.problems == [
                "\(reference): the rejection of draft \(edit.draft) does not count, so it is not announced: it names \(People.rita) but was made by \(People.paul)"
            ])
    }

    @Test("clinicctl.notifySeconds: 10 by default, a number of seconds when set, refused when it is none")
    func notifySeconds() throws {
        let clinic = try TestClinic()
        #expect(try clinic.repository.notifySeconds() == 10)
        _ = try clinic.git("config", "clinicctl.notifySeconds", "2.5")
        #expect(try clinic.reopened().notifySeconds() == 2.5)
        _ = try clinic.git("config", "clinicctl.notifySeconds", "soon")
        #expect(workflowErrorCode { _ = try clinic.reopened().notifySeconds() } == .invalid)
    }
}
