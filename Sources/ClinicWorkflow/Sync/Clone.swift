internal import ClinicGit
import Foundation

/// What `clone` made.
public struct CloneResult: Sendable, Codable, Equatable {
    public var folder: String
    public var publishedBranch: String
    /// Open drafts brought along from the server.
    public var drafts: [String]
    /// A password was written in the address: it served this clone and was not stored, so
    /// `sync` needs CLINICCTL_TOKEN.
    public var passwordNotStored: Bool
}

extension ContentRepository {
    /// Copies the clinic's shared repository from `url` into `folder` (created; it must not
    /// exist or be empty), checks out the published branch and brings the server's drafts
    /// and records along, so the first `clinicctl drafts` already shows them.
    public static func clone(
        from url: String, into folder: URL, environment: WorkEnvironment = WorkEnvironment()
    ) throws -> (ContentRepository, CloneResult) {
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw WorkflowError(.refused, "\(folder.path) already exists and is not empty; choose a new folder", file: folder.path)
        }
        // A password in the address is this clone's credential, never stored in .git/config.
        let (url, access) = environment.networkAccess.takingPassword(from: url)
        let git = try throughGit { try Repository.clone(from: url, into: folder, branch: nil, access: access) }
        // Which branch is published is this repository's own setting (docs/security.md), recorded
        // once here: the server's default branch, the one a clone checks out.
        if let head = git.headReferenceName, head.hasPrefix("refs/heads/") {
            try throughGit { try ContentRepository.recordPublishedBranch(String(head.dropFirst("refs/heads/".count)), in: git) }
        }
        let repository = try ContentRepository(git: git, environment: environment)
        let published = repository.publishedRef
        try repository.withGit(reference: published) { git in
            // The server's default branch may not be the published one: make sure it is here and checked out.
            if git.headReferenceName != published,
                let tip = try git.referenceTarget(Self.trackingPrefix("origin") + repository.config.publishedBranch)
            {
                if try git.referenceTarget(published) == nil {
                    try git.updateReference(published, to: tip, expected: nil, logMessage: "clinicctl: clone")
                }
            }
        }
        // The history cloned is where this copy's trust starts (`verify` judges every approval after
        // its first commit); from now on the published branch only follows approvals that hold.
        if let tip = try repository.withGit(reference: published, { try $0.referenceTarget(published) }) {
            try repository.withGit { try Self.recordTrustedStart(from: tip, in: $0) }
        }
        var plan = SyncPlan()
        try repository.team.fetchEverything(remote: "origin", access: access)
        try repository.team.syncDrafts(remote: "origin", plan: &plan)
        try repository.team.syncRecords(remote: "origin", plan: &plan)
        let drafts = plan.lines.filter { $0.outcome == .fetched }.map { String($0.subject.dropFirst("draft ".count)) }
        return (
            repository,
            CloneResult(
                folder: folder.path, publishedBranch: repository.config.publishedBranch, drafts: drafts,
                passwordNotStored: access.passwordFromAddress)
        )
    }
}
