internal import ClinicGit
import Foundation

/// What `installGitHooks` set up.
public enum GitHooksInstallation: Sendable, Equatable {
    /// A working copy: the Git hooks committed directly in `hooks/` on the published
    /// branch at `revision` were copied into the repository's own hooks folder
    /// (`.git/hooks`). `preCommitReady` is false when there was no `hooks/pre-commit`.
    case copied(folder: URL, hooks: [String], revision: Revision, preCommitReady: Bool)
    /// A bare repository: `hooks/post-receive` was written from the published branch at `revision`.
    case postReceive(file: URL, revision: Revision)
}

extension ContentRepository {
    /// The Git config key listing the hooks clinicctl copied into a working copy
    /// (so an approval knows to refresh them, and which old copies are its own).
    static let installedHooksKey = "clinicctl.installedHooks"

    /// Installs the Git hooks shipped in `hooks/` on the published branch.
    ///
    /// In a working copy the executable files directly in `hooks/` at the published
    /// tip are copied into `.git/hooks`, so `hooks/pre-commit` checks every plain
    /// `git commit`. Copies, never `core.hooksPath`: a path that follows the
    /// checkout would run whatever hooks an unapproved draft carries as soon as a
    /// reviewer checks it out. In a bare repository (a shared server) it writes
    /// `hooks/post-receive` from the published branch, so a push publishes.
    /// `clinicctl` (an absolute path) is written into a bare repository's `post-receive`.
    public func installGitHooks(clinicctl: URL? = nil) throws -> GitHooksInstallation {
        if isBare {
            if let clinicctl { try Self.checkProgram(clinicctl) }
            return try installPostReceive(clinicctl: clinicctl)
        }
        return try copyGitHooks()
    }

    /// Copies the published tip's Git hooks again when they were installed before;
    /// nil when they were not. Called after an approval moved the published branch.
    func refreshInstalledGitHooks() throws -> GitHooksInstallation? {
        guard !isBare, try withGit({ try $0.configString(Self.installedHooksKey) }) != nil else { return nil }
        return try copyGitHooks()
    }

    func copyGitHooks() throws -> GitHooksInstallation {
        let tip = try publishedRevision()
        let hooks = try deployments.executableFiles(in: "hooks", at: tip)
        let folder = gitDirectory.appendingPathComponent("hooks", isDirectory: true)
        let previous = try withGit { try $0.configString(Self.installedHooksKey) }?.split(separator: " ").map(String.init) ?? []
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            for hook in hooks {
                let target = folder.appendingPathComponent(hook.name)
                try hook.contents.write(to: target, options: .atomic)
                try fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
            }
            // A hook removed on the published branch stops running too.
            for name in previous where !hooks.contains(where: { $0.name == name }) {
                try? fileManager.removeItem(at: folder.appendingPathComponent(name))
            }
        } catch {
            throw WorkflowError(.repository, "cannot write the Git hooks into \(folder.path): \(error.localizedDescription)")
        }
        try withGit { git in
            // An older install pointed Git at the tracked folder; Git must use the copies.
            try git.removeLocalConfig("core.hooksPath")
            try git.setConfigString(Self.installedHooksKey, hooks.map(\.name).joined(separator: " "))
        }
        return .copied(
            folder: folder, hooks: hooks.map(\.name), revision: tip, preCommitReady: hooks.contains { $0.name == "pre-commit" })
    }

    func installPostReceive(clinicctl: URL?) throws -> GitHooksInstallation {
        let tip = try publishedRevision()
        guard let script = try file("hooks/post-receive", at: tip) else {
            throw WorkflowError(.notFound, "the published branch has no hooks/post-receive; commit clinicctl's hooks/ folder first")
        }
        // The hook reads which branch is published from the repository's config:
        // record it now in a server made before that setting existed.
        if publishedBranchOrigin == .assumedMain {
            try withGit { try Self.recordPublishedBranch(config.publishedBranch, in: $0) }
        }
        let target = gitDirectory.appendingPathComponent("hooks/post-receive")
        try server.writeHook(Self.baking(script, clinicctl: clinicctl), to: target)
        return .postReceive(file: target, revision: tip)
    }
}
