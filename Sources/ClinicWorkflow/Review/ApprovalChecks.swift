import ClinicContent
internal import ClinicGit
import Foundation

extension Reviews {
    /// Refuses when the draft moved past the tip the reviewer saw, naming what was added since.
    func checkTip(_ draft: Draft, expected: Revision?) throws {
        guard let expected, expected.id != draft.tip.id else { return }
        let added = try repository.withGit(draft: draft.id) { git -> [CommitInfo]? in
            guard git.objectExists(expected.id), try git.isAncestor(expected.id, of: draft.tip.id) else { return nil }
            return try git.commits(reachableFrom: draft.tip.id, excluding: expected.id)
        }
        let what =
            added.map { commits in
                "edits added since: "
                    + commits.reversed().map { "\($0.id.short) \"\($0.summary)\" (\($0.author.name))" }.joined(separator: "; ")
            } ?? "it was rewritten since (\(expected.short) is no longer part of it)"
        throw WorkflowError(
            .refused,
            "draft \(draft.id) moved after you reviewed it at \(expected.short); it is now at \(draft.tip.short), \(what). Nothing was approved",
            draft: draft.id, remedy: .reviewAgain(draft.id))
    }

    /// Refuses when the draft changes hooks, settings or other files that `accepting`
    /// does not name; returns what was accepted and needed, for the approval record.
    func checkAccepted(_ draft: Draft, published: ObjectID, accepting: Set<Acceptance>) throws -> [Acceptance] {
        let files = try repository.withGit(draft: draft.id) { git in try changedFiles(tip: draft.tip.id, published: published, in: git) }
        let missing = Acceptance.missing(for: files, accepted: accepting)
        guard missing.isEmpty else {
            let named = missing.map { need in
                "\(need.rawValue) (\(files.filter { $0.acceptance == need }.map(\.path).joined(separator: ", ")))"
            }
            throw WorkflowError(
                .refused,
                "draft \(draft.id) changes more than content: \(named.joined(separator: "; ")). Nothing was approved",
                draft: draft.id, remedy: .acceptBeyondContent(draft.id, missing))
        }
        return Set(files.compactMap(\.acceptance)).intersection(accepting).sorted()
    }

    /// What a pushed approval merge leaves unaccepted: the same rule as `approve`, for a
    /// server that checks approvals it receives. What counts is what the commit changes
    /// against the published tip it was made on (its first parent), which the
    /// `approval-is-the-merge` rule ties to the merge `review approve` makes. Empty when
    /// `revision` is not a two-parent merge.
    public func missingAcceptance(inApproval revision: Revision) throws -> [Acceptance] {
        try repository.withGit(revision: revision.hex) { git in
            let commit = try git.commit(revision.id)
            guard commit.parents.count == 2 else { return [] }
            let accepted: [Acceptance] =
                if case .approval(let approval) = CommitRecord(message: commit.message) { approval.accepted } else { [] }
            return Acceptance.missing(for: try changedFiles(byCommit: commit, in: git), accepted: Set(accepted))
        }
    }

    /// The tip of draft `id` that `reviewer` last saw with `review show`, if recorded here.
    public func shownTip(of id: String, to reviewer: Person) -> Revision? {
        guard let data = try? Data(contentsOf: shownFile(id, reviewer)) else { return nil }
        return Revision(hex: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Remembers that `reviewer` was shown `review`, so approving approves that tip.
    ///
    /// Kept under the Git directory, per reviewer and draft. Best effort: a
    /// repository this user cannot write is still readable, and an approval
    /// then asks for `--tip`-less approvals to show the change again.
    public func recordShown(_ review: DraftReview, to reviewer: Person) {
        let file = shownFile(review.draft.id, reviewer)
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data((review.tip.hex + "\n").utf8).write(to: file, options: .atomic)
    }

    private func shownFile(_ id: String, _ reviewer: Person) -> URL {
        let hex = { (text: String) in text.utf8.map { String(format: "%02x", $0) }.joined() }
        return repository.gitDirectory.appendingPathComponent("clinicctl/shown/\(hex(reviewer.email.lowercased()))/\(hex(id))")
    }
}
