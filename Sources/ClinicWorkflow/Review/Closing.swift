import ClinicContent
internal import ClinicGit
import Foundation

extension ContentRepository {
    public static let discardedPrefix = "refs/clinicctl/discarded/"
    public static let previousPrefix = "refs/clinicctl/previous/"
}

extension Reviews {

    /// Turns a draft down: records who and why in a commit on top of the draft, kept under
    /// `refs/clinicctl/rejected/<id>-<record>` (a name of its own, so a draft reopened and
    /// rejected again adds a record, as an add-only server requires), then closes the draft.
    public func reject(_ id: String, as reviewer: Person, reason: String, signingKey: SigningKey? = nil) throws -> Rejection {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw WorkflowError(.usage, "say why the draft is rejected (--reason), so its author knows what to change")
        }
        let draft = try self.repository.draft(id)
        guard repository.config.isReviewer(email: reviewer.email) else {
            throw WorkflowError(
                .refused,
                "\(reviewer) is not a reviewer listed in \(RepositoryConfig.fileName) on \(repository.config.publishedBranch); only reviewers reject drafts",
                remedy: .authorsWithdraw)
        }
        if repository.config.requireSignedApprovals && signingKey == nil {
            throw WorkflowError(.refused, "rejections, like approvals, count only when signed: " + SigningKey.howToConfigure)
        }
        let message = CommitRecord.rejection(.init(draft: id, reason: reason, rejectedBy: reviewer)).message
        let record = try close(
            draft, into: { self.repository.records.rejectionRef(id, record: Revision($0)) }, message: message, as: reviewer,
            sign: repository.signatures.signer(signingKey))
        return Rejection(reviewer: reviewer, reason: reason, time: repository.environment.now(), record: Revision(record), verified: true)
    }

    /// The author withdraws a draft; its commits stay under `refs/clinicctl/discarded/<id>`.
    ///
    /// A reviewer may discard someone else's draft too; where approvals must be signed, that
    /// discard is signed like a rejection (`signingKey`, else the one configured), or it would
    /// not count. The draft's own authors never need a key.
    public func discard(_ id: String, as person: Person, signingKey: SigningKey? = nil) throws -> Revision {
        let draft = try self.repository.draft(id)
        let isAuthor = draft.authors.contains(where: { $0.isSame(as: person) })
        guard isAuthor || repository.config.isReviewer(email: person.email) else {
            throw WorkflowError(
                .refused,
                "only the draft's authors (\(draft.authors.map(\.description).joined(separator: ", "))) or a reviewer may discard it")
        }
        var key: SigningKey?
        if !isAuthor && repository.config.requireSignedApprovals {
            key = try signingKey ?? self.repository.signatures.signingKey(explicit: nil)
            guard key != nil else {
                throw WorkflowError(
                    .refused, "discarding someone else's draft, like rejecting it, counts only when signed: " + SigningKey.howToConfigure)
            }
        }
        return try Revision(
            close(
                draft, into: { _ in ContentRepository.discardedPrefix + id + "-" + draft.tip.short },
                message: CommitRecord.discard(.init(draft: id, discardedBy: person)).message, as: person,
                sign: repository.signatures.signer(key)))
    }

    /// Records a closing commit over the draft's tip under `ref` (named from the record), then
    /// deletes the draft's branch.
    /// The record is written first, so the draft's commits are never unreachable; and only once
    /// it is a record that counts (`ClosingRecord`), so nothing is closed by one that would not.
    func close(
        _ draft: Draft, into ref: @escaping (ObjectID) -> String, message: String, as person: Person,
        sign: ((Data) throws -> String)? = nil
    ) throws -> ObjectID {
        try repository.holdingDraft(draft.id) { try closeHoldingLock(draft, into: ref, message: message, as: person, sign: sign) }
    }

    private func closeHoldingLock(
        _ draft: Draft, into name: (ObjectID) -> String, message: String, as person: Person, sign: ((Data) throws -> String)?
    ) throws -> ObjectID {
        var signature = repository.environment.signature(person)
        var (record, ref) = (ObjectID?.none, "")
        // The same person writing the same words on the same tip in the same second makes the
        // same commit as a record already kept (rejected, reopened, rejected again): a second later it is a new one.
        for _ in 0..<5 {
            let made = try repository.withGit(draft: draft.id) { git in
                try git.createCommit(
                    tree: try git.treeOf(draft.tip.id), parents: [draft.tip.id], author: signature, committer: signature,
                    message: message, sign: sign)
            }
            (record, ref) = (made, name(made))
            guard try repository.withGit({ try $0.referenceTarget(ref) }) == made else { break }
            signature.time += 1
        }
        guard let record else { throw WorkflowError(.repository, "could not write the record of draft \(draft.id)", draft: draft.id) }
        if let problem = try ClosingRecordVerifier(repository).check(reference: ref, under: "refs/clinicctl/", commit: record)?.unverified {
            throw WorkflowError(
                .refused, "draft \(draft.id) is still open: its record would not count (\(problem)); nothing was written", draft: draft.id)
        }
        try repository.withGit(draft: draft.id, reference: ref) { git in
            let existing = try git.referenceTarget(ref)
            try git.updateReference(ref, to: record, expected: existing, logMessage: "clinicctl: close draft \(draft.id)")
        }
        do {
            try repository.withGit(draft: draft.id, reference: repository.draftRef(draft.id)) {
                try $0.deleteReference(repository.draftRef(draft.id), expected: draft.tip.id)
            }
        } catch let error as WorkflowError where error.code == .conflict {
            throw WorkflowError(
                .conflict, "draft \(draft.id) received a new edit meanwhile; it is still open. Look at it again before closing it",
                draft: draft.id, reference: repository.draftRef(draft.id))
        }
        return record
    }
}
