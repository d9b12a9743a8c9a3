import ClinicContent
import Foundation

/// A reviewer who just added an edit to a draft someone else wrote: from now on she is one of
/// its authors, and no author approves their own draft.
public struct ApprovalHandedOn: Sendable, Codable, Hashable {
    /// The reviewer who edited.
    public var editor: Person
    /// The listed reviewers who wrote no part of the draft: they still may approve it.
    public var stillMayApprove: [Person]
}

extension ContentRepository {

    /// `who may approve it: A, B`, or what to do when nobody listed may.
    public static func whoMayApproveWords(_ reviewers: [Person]) -> String {
        reviewers.isEmpty
            ? "no listed reviewer is left who wrote none of it: add one (`clinicctl reviewers add`), or discard the draft and redo it"
            : "who may approve it: \(reviewers.map(\.description).joined(separator: ", "))"
    }
}

extension Reviews {
    /// The reviewers listed on the published branch who wrote and committed no part of `draft`.
    public func reviewersWhoMayApprove(_ draft: Draft, besides others: [Person] = []) -> [Person] {
        let wrote = draft.contributions.flatMap { [$0.author, $0.committer] } + others
        return repository.config.reviewers.map { Person(name: $0.name, email: $0.email) }.filter { reviewer in
            !wrote.contains { $0.isSame(as: reviewer) }
        }
    }

    /// Whether `person`'s edit onto `draft` (as it was before the edit) takes away her right to
    /// approve it: she is a listed reviewer, wrote none of it so far, and someone else did.
    func approvalHandedOn(by person: Person, editing draft: Draft?) -> ApprovalHandedOn? {
        guard let draft, repository.config.isReviewer(email: person.email) else { return nil }
        let wrote = draft.contributions.flatMap { [$0.author, $0.committer] }
        guard !wrote.contains(where: { $0.isSame(as: person) }), wrote.contains(where: { !$0.isSame(as: person) }) else { return nil }
        return ApprovalHandedOn(editor: person, stillMayApprove: reviewersWhoMayApprove(draft, besides: [person]))
    }
}
