import ClinicContent
internal import ClinicGit
import Foundation

/// What reopening a rejected draft did.
public struct DraftReopening: Sendable, Codable {
    public var draft: String
    public var tip: Revision
    /// The rejection it answers, whose reason stays readable.
    public var rejection: Rejection
    /// The reopening record, `refs/clinicctl/reopened/<id>-<rejection>`; nil when the rejection
    /// did not count (it closed nothing, so there was nothing to answer).
    public var keptAt: String?
}

extension ContentRepository {
    public static let reopenedPrefix = "refs/clinicctl/reopened/"
}

extension Drafts {

    /// Opens a rejected draft again, as it was when it was rejected, so its author
    /// can fix it instead of retyping it. Its authors or a reviewer may; refused
    /// when a draft with that id is open or no draft with that id was rejected.
    ///
    /// The rejection stays where it is (records are only ever added); a reopening record, a
    /// commit on top of it, answers it, so every copy and the server read the draft as open
    /// again. A reviewer reopening someone else's draft signs it where approvals must be signed.
    public func reopen(_ id: String, as person: Person, signingKey: SigningKey? = nil) throws -> DraftReopening {
        if try repository.withGit(draft: id, { try $0.referenceTarget(repository.draftRef(id)) }) != nil {
            throw WorkflowError(
                .refused, "draft \(id) is open, not rejected: there is nothing to reopen", draft: id,
                reference: repository.draftRef(id), remedy: .showDraft(id))
        }
        guard let rejected = try rejectedDrafts().first(where: { $0.id == id }), let rejection = rejected.rejection else {
            let names = try rejectedDrafts().map(\.id)
            throw WorkflowError(
                .notFound,
                "no draft \"\(id)\" was rejected"
                    + (names.isEmpty ? "; there are no rejected drafts" : "; rejected drafts: \(names.joined(separator: ", "))"),
                draft: id)
        }
        guard rejected.authors.contains(where: { $0.isSame(as: person) }) || repository.config.isReviewer(email: person.email) else {
            throw WorkflowError(
                .refused,
                "only the draft's authors (\(rejected.authors.map(\.description).joined(separator: ", "))) or a reviewer may reopen it",
                draft: id)
        }
        let kept = repository.records.reopeningRef(id, answering: rejection.record)
        let reopening = try repository.holdingDraft(id) { () -> ObjectID? in
            // A rejection that does not count closed nothing: there is nothing to answer.
            guard rejection.verified else {
                try repository.withGit(draft: id, reference: repository.draftRef(id)) { git in
                    try git.updateReference(
                        repository.draftRef(id), to: rejected.tip.id, expected: nil,
                        logMessage: "clinicctl: reopen draft \(id) by \(person)")
                }
                return nil
            }
            let record = try writeReopening(of: rejected, rejection: rejection, at: kept, as: person, signingKey: signingKey)
            try repository.withGit(draft: id, reference: repository.draftRef(id)) { git in
                try git.updateReference(
                    repository.draftRef(id), to: rejected.tip.id, expected: nil, logMessage: "clinicctl: reopen draft \(id) by \(person)")
            }
            return record
        }
        return DraftReopening(draft: id, tip: rejected.tip, rejection: rejection, keptAt: reopening == nil ? nil : kept)
    }
}

extension Drafts {
    /// The reopening record of `draft`'s `rejection`, written under `reference` once it is
    /// known to count.
    private func writeReopening(
        of draft: Draft, rejection: Rejection, at reference: String, as person: Person, signingKey: SigningKey?
    ) throws -> ObjectID {
        let isAuthor = draft.authors.contains(where: { $0.isSame(as: person) })
        let key =
            !isAuthor && repository.config.requireSignedApprovals
            ? try signingKey ?? self.repository.signatures.signingKey(explicit: nil) : nil
        if !isAuthor && repository.config.requireSignedApprovals && key == nil {
            throw WorkflowError(
                .refused, "reopening someone else's draft, like rejecting it, counts only when signed: " + SigningKey.howToConfigure)
        }
        let signature = repository.environment.signature(person)
        let message = CommitRecord.reopening(.init(draft: draft.id, reopenedBy: person)).message
        let record = try repository.withGit(draft: draft.id, reference: reference) { git in
            try git.createCommit(
                tree: try git.treeOf(draft.tip.id), parents: [rejection.record.id], author: signature, committer: signature,
                message: message, sign: repository.signatures.signer(key))
        }
        if let problem = try ClosingRecordVerifier(repository).check(reference: reference, under: "refs/clinicctl/", commit: record)?
            .unverified
        {
            throw WorkflowError(
                .refused, "draft \(draft.id) stays rejected: its reopening would not count (\(problem)); nothing was written",
                draft: draft.id)
        }
        try repository.withGit(draft: draft.id, reference: reference) { git in
            try git.updateReference(reference, to: record, expected: nil, logMessage: "clinicctl: reopen draft \(draft.id)")
        }
        return record
    }
}
