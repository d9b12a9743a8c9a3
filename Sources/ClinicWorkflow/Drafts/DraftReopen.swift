import ClinicContent
internal import ClinicGit
import Foundation

/// What reopening a rejected draft did.
public struct DraftReopening: Sendable, Codable {
    public var draft: String
    public var tip: Revision
    /// The rejection, kept under `refs/clinicctl/reopened/<id>-<record>` so the reason stays readable.
    public var rejection: Rejection
    public var keptAt: String
}

extension ContentRepository {
    public static let reopenedPrefix = "refs/clinicctl/reopened/"

    /// Opens a rejected draft again, as it was when it was rejected, so its author
    /// can fix it instead of retyping it. Its authors or a reviewer may; refused
    /// when a draft with that id is open or no draft with that id was rejected.
    public func reopen(_ id: String, as person: Person) throws -> DraftReopening {
        if try withGit(draft: id, { try $0.referenceTarget(draftRef(id)) }) != nil {
            throw WorkflowError(
                .refused, "draft \(id) is open, not rejected: there is nothing to reopen (see `clinicctl review show \(id)`)", draft: id,
                reference: draftRef(id))
        }
        guard let rejected = try rejectedDrafts().first(where: { $0.id == id }), let rejection = rejected.rejection else {
            let names = try rejectedDrafts().map(\.id)
            throw WorkflowError(
                .notFound,
                "no draft \"\(id)\" was rejected"
                    + (names.isEmpty ? "; there are no rejected drafts" : "; rejected drafts: \(names.joined(separator: ", "))"),
                draft: id, reference: rejectedRef(id))
        }
        guard rejected.authors.contains(where: { $0.isSame(as: person) }) || config.isReviewer(email: person.email) else {
            throw WorkflowError(
                .refused,
                "only the draft's authors (\(rejected.authors.map(\.description).joined(separator: ", "))) or a reviewer may reopen it",
                draft: id)
        }
        let kept = Self.reopenedPrefix + id + "-" + rejection.record.short
        // Each step keeps the draft's commits reachable: the copy of the rejection
        // first, then the open draft, and only then is the rejected name removed.
        try withGit(draft: id, reference: kept) { git in
            try git.updateReference(
                kept, to: rejection.record.id, expected: try git.referenceTarget(kept), logMessage: "clinicctl: keep rejection of \(id)")
        }
        try withGit(draft: id, reference: draftRef(id)) { git in
            try git.updateReference(
                draftRef(id), to: rejected.tip.id, expected: nil, logMessage: "clinicctl: reopen draft \(id) by \(person)")
        }
        try withGit(draft: id, reference: rejectedRef(id)) { try $0.deleteReference(rejectedRef(id), expected: rejection.record.id) }
        return DraftReopening(draft: id, tip: rejected.tip, rejection: rejection, keptAt: kept)
    }
}
