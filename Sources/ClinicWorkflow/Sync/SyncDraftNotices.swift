internal import ClinicGit
import Foundation

extension Team {
    /// Adds to `lines` (those `syncDrafts` just wrote) what each means for `reader`: how a closed
    /// draft was closed and by whom, a fetched draft that waits for their review, a draft that
    /// moved on since they read it. `before` holds each draft's tip here before this sync.
    func addNotices(to lines: inout ArraySlice<SyncReport.Line>, before: [String: ObjectID], reader: Person?, remote: String) throws {
        for index in lines.indices where lines[index].notice == nil && lines[index].subject.hasPrefix("draft ") {
            let id = String(lines[index].subject.dropFirst("draft ".count))
            let now = try repository.withGit { try $0.referenceTarget(repository.draftRef(id)) }
            switch lines[index].outcome {
            case .closed:
                guard let tip = before[id] else { continue }
                lines[index].notice = try closingNotice(id, tip: tip, remote: remote)
            case .fetched:
                guard let reader, let now else { continue }
                lines[index].notice = try reviewNotice(id, tip: now, reader: reader)
            case .updated, .rewrittenOnServer, .rebased:
                guard let reader, let now, let shown = repository.reviews.shownTip(of: id, to: reader), shown.id != now else { continue }
                lines[index].notice = .init(kind: .changedSinceRead, draft: id, shownTip: shown, tip: Revision(now))
            default: continue
            }
        }
    }

    /// How draft `id`, at `tip`, was closed: by a closing record that counts (here or as the
    /// server's was fetched), else by the approval merge on the published branch that brought
    /// `tip` in. Nil when neither says (the tip is published some other way).
    func closingNotice(_ id: String, tip: ObjectID, remote: String) throws -> SyncReport.Notice? {
        let verifier = ClosingRecordVerifier(repository)
        for base in ["refs/clinicctl/", ContentRepository.trackingRecordPrefix(remote)] {
            for prefix in ContentRepository.sharedRecordPrefixes where prefix != "notes/" {
                for ref in try repository.withGit({ try $0.references(withPrefix: base + prefix) }) {
                    guard let record = try verifier.check(reference: ref.name, under: base, commit: ref.target), record.verified,
                        record.tip.id == tip
                    else { continue }
                    if record.kind == .discard {
                        return .init(kind: .discarded, draft: id, by: record.closedBy, tip: Revision(tip))
                    }
                    let rejection = try repository.withGit { git in Rejection.read(from: try git.commit(ref.target)) }
                    return .init(kind: .rejected, draft: id, by: record.closedBy, reason: rejection?.reason, tip: Revision(tip))
                }
            }
        }
        guard let approval = try approvalBringingIn(tip) else { return nil }
        return .init(kind: .approved, draft: id, by: approval.approvedBy, tip: Revision(tip))
    }

    /// The approval on the published branch's first-parent line that first includes `tip`.
    func approvalBringingIn(_ tip: ObjectID) throws -> CommitRecord.Approval? {
        try repository.withGit { git in
            var next = try git.referenceTarget(repository.publishedRef)
            var oldest: CommitInfo?
            // Newest first, back to the first commit that does not include the tip.
            while let id = next, try git.isAncestor(tip, of: id) {
                let commit = try git.commit(id)
                oldest = commit
                next = commit.parents.first
            }
            guard let oldest, case .approval(let approval) = CommitRecord(message: oldest.message) else { return nil }
            return approval
        }
    }

    /// A draft new here that `reader` may review: they are a reviewer and wrote or committed none of it.
    func reviewNotice(_ id: String, tip: ObjectID, reader: Person) throws -> SyncReport.Notice? {
        guard repository.config.isReviewer(email: reader.email) else { return nil }
        let draft = try repository.describeDraft(
            id: id, tip: tip, published: try repository.withGit { try $0.referenceTarget(repository.publishedRef) }, state: .open)
        guard !draft.hasContribution(by: reader) else { return nil }
        return .init(kind: .waitsForReview, draft: id, by: draft.authors.first, tip: Revision(tip))
    }

    /// The line for a note the server has and this copy did not: nil when it is `reader`'s
    /// own, or no note that counts.
    func receivedNoteLine(_ reference: String, commit: ObjectID, reader: Person?) throws -> SyncReport.Line? {
        guard let note = try NoteRecordVerifier(repository).check(reference: reference, under: "refs/clinicctl/", commit: commit),
            note.verified,
            reader.map({ !note.by.isSame(as: $0) }) ?? true
        else { return nil }
        return .init(
            subject: "draft \(note.draft)", outcome: .noteReceived,
            notice: .init(kind: .note, draft: note.draft, by: note.by, note: note.text, tip: note.tip))
    }
}

extension Draft {
    /// Whether `person` wrote or committed any commit of the draft (and so may not approve it).
    public func hasContribution(by person: Person) -> Bool {
        authors.contains { $0.isSame(as: person) } || contributions.contains { $0.committer.isSame(as: person) }
    }
}
