import ClinicContent
internal import ClinicGit
import Foundation

extension Deployments {
    /// Whether `revision` is a state the published branch has been in: on its
    /// first-parent history (each approval, each direct commit). Only those
    /// were approved; a draft's tip or a side commit never were.
    public func isPublishedState(_ revision: Revision) throws -> Bool {
        let tip = try repository.publishedTip()
        return try repository.withGit(revision: revision.hex) { git in
            var next: ObjectID? = tip
            while let id = next {
                if id == revision.id { return true }
                // Past the revision's own ancestors the first-parent line cannot meet it any more.
                guard try git.isAncestor(revision.id, of: id) else { return false }
                next = try git.commit(id).parents.first
            }
            return false
        }
    }

    /// Refuses a revision that is not a published state, for publishing it.
    public func requirePublishedState(_ revision: Revision, named name: String) throws {
        guard try isPublishedState(revision) else {
            throw WorkflowError(
                .refused,
                "\(name) (\(revision.short)) was never the published state of \(repository.config.publishedBranch), so no reviewer approved it; nothing was exported, run or recorded. `publish --rev` takes an earlier state of \(repository.config.publishedBranch) (see `clinicctl history`); a draft is published by `clinicctl review approve`",
                revision: name)
        }
    }

    /// The deploy hooks at `revision` that the change which made it added or
    /// altered without accepting them: an approval without `Clinic-Accepted: hooks`,
    /// or a merge clinicctl did not record. They must not run in that publish.
    public func hooksNotAccepted(in folder: String, at revision: Revision) throws -> [String] {
        try repository.withGit(revision: revision.hex) { git in
            let commit = try git.commit(revision.id)
            guard commit.parents.count > 1, let parent = commit.parents.first else { return [] }
            if case .approval(let approval) = CommitRecord(message: commit.message), approval.accepted.contains(.hooks) { return [] }
            let prefix = folder + "/"
            return try git.fileDifferences(from: parent, to: revision.id).filter { $0.path.hasPrefix(prefix) && $0.new != nil }
                .map { String($0.path.dropFirst(prefix.count)) }
        }
    }
}
