import ClinicGit
import Foundation

/// What `installGitHooks` set up.
public enum GitHooksInstallation: Sendable, Equatable {
    /// A working copy: `core.hooksPath` now points at `hooks/`. `preCommitReady`
    /// is false when the working tree's `hooks/pre-commit` is missing or not executable.
    case hooksPath(preCommitReady: Bool)
    /// A bare repository: `hooks/post-receive` was written from the published branch at `revision`.
    case postReceive(file: URL, revision: Revision)
}

extension ContentRepository {
    /// Points Git's hooks at the repository's shipped `hooks/`.
    ///
    /// In a working copy this sets `core.hooksPath`, so `hooks/pre-commit` checks
    /// every plain `git commit`. In a bare repository (a shared server) it writes
    /// `hooks/post-receive` from the published branch, so a push publishes.
    public func installGitHooks() throws -> GitHooksInstallation {
        if isBare { return try installPostReceive() }
        try withGit { git in try git.setConfigString("core.hooksPath", "hooks") }
        let preCommit = workingDirectory?.appendingPathComponent("hooks/pre-commit").path
        return .hooksPath(preCommitReady: preCommit.map { FileManager.default.isExecutableFile(atPath: $0) } ?? true)
    }

    func installPostReceive() throws -> GitHooksInstallation {
        let tip = try publishedRevision()
        guard let script = try file("hooks/post-receive", at: tip) else {
            throw WorkflowError(.notFound, "the published branch has no hooks/post-receive; commit clinicctl's hooks/ folder first")
        }
        let target = gitDirectory.appendingPathComponent("hooks/post-receive")
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try script.write(to: target, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
        } catch {
            throw WorkflowError(.repository, "cannot write \(target.path): \(error.localizedDescription)")
        }
        return .postReceive(file: target, revision: tip)
    }
}
