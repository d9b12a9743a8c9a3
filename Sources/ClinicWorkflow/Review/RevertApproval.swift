import ClinicContent
internal import ClinicGit
import Foundation

extension Reviews {
    /// The approved change `draft` undoes, when the draft is nothing but that
    /// undoing; else nil.
    ///
    /// A clinic with one reviewer must be able to take back what it published:
    /// that reviewer may approve a revert they opened, because it only restores
    /// content a reviewer already approved once. "Nothing but" means: the draft
    /// holds exactly one commit, a revert record (`clinicctl revert`); the change
    /// it names is an approval on the published branch; and every path the
    /// revert changes is one that approval changed, now holding exactly what it
    /// held before the approval. The reverted approval must be on `published`
    /// (the published tip here, or the one an approval pushed to the server was made on).
    func pureRevertOfApproved(_ draft: Draft, published: ObjectID) throws -> ObjectID? {
        guard draft.edits.count == 1, let edit = draft.edits.first, edit.change == "revert" else { return nil }
        return try repository.withGit(draft: draft.id) { git -> ObjectID? in
            let commit = try git.commit(edit.commit.id)
            guard case .revert(let revert) = CommitRecord(message: commit.message), commit.parents.count == 1,
                let parent = commit.parents.first, git.objectExists(revert.reverted.id)
            else { return nil }
            let target = try git.commit(revert.reverted.id)
            guard case .approval = CommitRecord(message: target.message), let before = target.parents.first,
                try git.isAncestor(target.id, of: published)
            else { return nil }
            let approved = Set(try git.changedPaths(from: before, to: target.id).map(\.path))
            for change in try git.changedPaths(from: parent, to: commit.id) {
                guard approved.contains(change.path), try git.readFile(change.path, at: commit.id) == git.readFile(change.path, at: before)
                else { return nil }
            }
            return target.id
        }
    }
}
