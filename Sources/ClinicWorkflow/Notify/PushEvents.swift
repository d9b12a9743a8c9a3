internal import ClinicGit
import Foundation

/// What a push did, as events for the notifiers, and what could not be told.
public struct PushEvents: Sendable, Equatable {
    /// In the order of Git's `old new ref` lines; a push's approvals oldest first.
    public var events: [ClinicEvent] = []
    /// A reference whose event could not be made, and why, in words; the others are still told.
    public var problems: [String] = []
}

extension ContentRepository {
    /// How long each notifier may run for one event, in seconds (`git config`, default 10).
    public static let notifySecondsKey = "clinicctl.notifySeconds"
    public static let defaultNotifySeconds: Double = 10

    /// The events of a push, from the lines Git gives `post-receive` (`old new ref`, the same
    /// `ProposedUpdate` that `pre-receive` reads), read from the repository as it is after it:
    /// - a new `drafts/<id>` is `draftPushed`, a moved one `draftChanged`, by the author of
    ///   the draft's newest commit, titled as `drafts` titles it;
    /// - each new first-parent step of the published branch that is an approval is `approved`,
    ///   by its reviewer, for its draft and title (the walk goes back to the old tip only);
    /// - a new rejection record is `rejected`, by its reviewer, with the reason, when it counts
    ///   (`ClosingRecord`: the same check as everywhere else; one that does not is a problem);
    /// - a new note record is `note` (see `noteEvent`).
    /// A deleted reference, a discard and any other reference tell nothing. Every event has the
    /// time of `environment.now()`, read once.
    public func events(after updates: [ProposedUpdate]) -> PushEvents {
        let time = environment.now()
        var told = PushEvents()
        let verifier = ClosingRecordVerifier(self)
        for update in updates {
            guard let new = update.new else { continue }
            do {
                told.events += try events(of: update, new: new, time: time, verifier: verifier)
            } catch {
                told.problems.append("\(update.reference): \(error.localizedDescription)")
            }
        }
        return told
    }

    private func events(of update: ProposedUpdate, new: Revision, time: Date, verifier: ClosingRecordVerifier) throws
        -> [ClinicEvent]
    {
        let reference = update.reference
        if reference == publishedRef {
            guard let old = update.old else { return [] }
            return try approvals(from: old, to: new, time: time)
        }
        if reference.hasPrefix(Self.draftPrefix) {
            return [try draftEvent(id: String(reference.dropFirst(Self.draftPrefix.count)), update: update, new: new, time: time)]
        }
        guard update.old == nil else { return [] }
        if reference.hasPrefix(Self.rejectedPrefix) {
            return try rejection(reference: reference, new: new, time: time, verifier: verifier).map { [$0] } ?? []
        }
        if reference.hasPrefix(Self.notesPrefix) {
            return try noteEvent(reference: reference, record: new, time: time).map { [$0] } ?? []
        }
        return []
    }

    private func draftEvent(id: String, update: ProposedUpdate, new: Revision, time: Date) throws -> ClinicEvent {
        let published = try withGit { try $0.referenceTarget(publishedRef) }
        let draft = try describeDraft(id: id, tip: new.id, published: published, state: .open)
        let tip = try withGit(draft: id) { try $0.commit(new.id) }
        return ClinicEvent(
            kind: update.old == nil ? .draftPushed : .draftChanged, draft: id, title: draft.title,
            by: Person(name: tip.author.name, email: tip.author.email), revision: new, previousRevision: update.old, time: time)
    }

    private func approvals(from old: Revision, to new: Revision, time: Date) throws -> [ClinicEvent] {
        guard case .line(let line) = try team.publishedLine(from: new.id, back: old.id, deadline: .distantFuture) else {
            throw WorkflowError(
                .refused, "\(config.publishedBranch) does not continue from \(old.short) to \(new.short); no approval is announced")
        }
        return line.steps.compactMap { commit in
            guard commit.parents.count == 2, case .approval(let approval) = CommitRecord(message: commit.message) else { return nil }
            return ClinicEvent(
                kind: .approved, draft: approval.draft, title: approval.title, by: approval.approvedBy, note: approval.note,
                revision: Revision(commit.id), previousRevision: Revision(commit.parents[0]), time: time)
        }
    }

    /// A new rejection record as an event, read through the one rule every record is read by:
    /// its draft is the one the record names and is filed under, never read from the reference's name.
    private func rejection(reference: String, new: Revision, time: Date, verifier: ClosingRecordVerifier) throws -> ClinicEvent? {
        guard let record = try verifier.check(reference: reference, under: "refs/clinicctl/", commit: new.id),
            record.kind == .rejection
        else { return nil }
        if let problem = record.unverified {
            throw WorkflowError(.refused, "the \(record.title) does not count, so it is not announced: \(problem)")
        }
        let info = try withGit(reference: reference) { try $0.commit(new.id) }
        guard case .rejection(let rejection) = CommitRecord(message: info.message) else { return nil }
        let published = try withGit { try $0.referenceTarget(publishedRef) }
        let draft = try describeDraft(id: record.draft, tip: record.tip.id, published: published, state: .rejected)
        return ClinicEvent(
            kind: .rejected, draft: record.draft, title: draft.title, by: record.closedBy ?? rejection.rejectedBy,
            reason: rejection.reason, revision: new, previousRevision: record.tip, time: time)
    }

    /// A new note record, read through the one check of who may write one (`note(reference:commit:)`);
    /// one that does not count is announced as nothing, and said as a problem.
    func noteEvent(reference: String, record: Revision, time: Date) throws -> ClinicEvent? {
        guard let note = try records.note(reference: reference, commit: record) else { return nil }
        guard note.verified else {
            throw WorkflowError(.refused, "the note does not count, so it is not announced: \(note.unverified ?? "unverified")")
        }
        let published = try withGit { try $0.referenceTarget(publishedRef) }
        let title = try? describeDraft(id: note.draft, tip: note.tip.id, published: published, state: .open).title
        return ClinicEvent(
            kind: .note, draft: note.draft, title: title, by: note.by, note: note.text, revision: record, previousRevision: note.tip,
            time: time)
    }

    /// `clinicctl.notifySeconds` from the repository's Git config; the default when unset.
    public func notifySeconds() throws -> Double {
        guard let text = try withGit({ try $0.configString(Self.notifySecondsKey) }) else { return Self.defaultNotifySeconds }
        guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)), seconds > 0, seconds.isFinite else {
            throw WorkflowError(
                .invalid, "git config \(Self.notifySecondsKey) is \"\(text)\", not a positive number of seconds")
        }
        return seconds
    }
}
