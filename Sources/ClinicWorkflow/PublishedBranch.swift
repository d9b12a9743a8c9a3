import ClinicContent
internal import ClinicGit
import Foundation

/// Where the name of the published branch came from.
public enum PublishedBranchOrigin: String, Sendable, Equatable, Codable {
    /// `clinicctl.publishedBranch` in the repository's own Git config.
    case repositorySetting = "repository-setting"
    /// Not recorded (a repository made before the setting existed): `main`.
    case assumedMain = "assumed-main"
}

extension ContentRepository {
    /// The Git config key that names the published branch. It is a property of
    /// the repository, written when the repository is made, so no revision's
    /// content (a draft's `clinicctl.yaml`, a pushed branch) can change it.
    public static let publishedBranchKey = "clinicctl.publishedBranch"

    /// How an administrator names the published branch of an older repository.
    public static let publishedBranchAdvice = "git config \(publishedBranchKey) NAME"

    /// The settings: the published branch from the repository's Git config
    /// (`main` when unset), and `clinicctl.yaml` read only from that branch's tip.
    ///
    /// A `publishedBranch` written in the file is ignored: a draft that names
    /// itself there, or a new `main` made beside another published branch,
    /// changes nothing. Before the repository has any branch at all, the
    /// working tree's file is read (there is nothing else yet).
    static func readConfig(_ git: Repository) throws -> (RepositoryConfig, PublishedBranchOrigin) {
        let setting = try git.configString(publishedBranchKey)?.trimmingCharacters(in: .whitespaces)
        let branch = setting.flatMap { $0.isEmpty ? nil : $0 } ?? "main"
        var config: RepositoryConfig
        if let tip = try git.referenceTarget("refs/heads/\(branch)") {
            config = try RepositoryConfig.load(from: GitRevisionSource(repository: git, commit: tip)).0
        } else if let folder = git.workingDirectory, try git.references(withPrefix: "refs/heads/").isEmpty {
            config = try RepositoryConfig.load(from: FolderSource(root: folder)).0
        } else {
            config = RepositoryConfig()
        }
        config.publishedBranch = branch
        return (config, setting == nil ? .assumedMain : .repositorySetting)
    }

    /// Records `branch` as the repository's published branch (in its own Git config).
    static func recordPublishedBranch(_ branch: String, in git: Repository) throws {
        try git.setConfigString(publishedBranchKey, branch)
    }
}
