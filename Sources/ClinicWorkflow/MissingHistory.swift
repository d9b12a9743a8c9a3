import Foundation

extension ContentRepository {
    /// A Git error as the person can act on it when the repository is a
    /// shallow clone (`git clone --depth N`): the commits below its cut are
    /// not there, and libgit2 only says "object not found".
    func explainingShallowClone(_ error: WorkflowError) -> WorkflowError {
        guard error.message.contains("object not found"),
            FileManager.default.fileExists(atPath: gitDirectory.appendingPathComponent("shallow").path)
        else { return error }
        return WorkflowError(
            .repository,
            "this is a shallow clone (made with git clone --depth): its history stops where the clone cut it, and clinicctl needs "
                + "the history to check what was approved (\(error.message)). Fetch the rest with `git fetch --unshallow`, then run the command again"
        )
    }

    /// Why the published branch has no tip: never committed, or deleted or
    /// renamed in a repository that has drafts or records (then it is missing,
    /// and the last deployed revision is where it can be restored from).
    func missingPublishedBranchMessage() -> String {
        let branch = config.publishedBranch
        let deployed = (try? deployments.deployedRevision()) ?? nil
        let hasDrafts =
            !((try? FileManager.default.contentsOfDirectory(atPath: gitDirectory.appendingPathComponent("refs/heads/drafts").path))
            ?? []).isEmpty
        guard deployed != nil || hasDrafts else {
            return
                "the published branch \(branch) has no commits yet; commit the content first (or create a repository with `clinicctl init DIR`)"
        }
        let restore =
            deployed.map { "restore it from the last deployed revision with `git branch \(branch) \($0.short)`" }
            ?? "restore it (`git reflog` or a clone has its last tip)"
        return "the published branch \(branch) is missing: it was deleted or renamed, though this repository has drafts or "
            + "deploy records. Nothing was changed; \(restore), or set the branch clinicctl publishes with `git config clinicctl.publishedBranch NAME`"
    }
}
