internal import ClinicGit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A repository several accounts write to (one per person on a server): what clinicctl creates
/// in it honours `core.sharedRepository` as Git does, and a write another account's files block
/// says which path and how to share the repository.
///
/// libgit2 does not apply the setting after creating a repository, so opening one that sets it
/// adopts the matching umask for the whole process (libgit2's objects and references, the
/// folders and files clinicctl writes, and the deploy hooks and notifiers it starts, which
/// inherit it); the folders clinicctl makes itself also get Git's mode, setgid included.
extension ContentRepository {
    /// Reads `core.sharedRepository` and, when it shares, adopts its umask for this process.
    static func adoptSharing(of git: Repository) throws -> SharedRepository {
        guard let sharing = try git.sharedRepository() else {
            let value = (try? git.configString("core.sharedRepository")) ?? ""
            throw WorkflowError(
                .repository,
                "core.sharedRepository is \"\(value)\" in \(git.gitDirectory.path), which Git does not accept (group, all, umask, "
                    + "or an octal mode such as 0660 that lets the owner read and write); fix it with `git config core.sharedRepository group`"
            )
        }
        if sharing != .umask { Repository.adoptUmask(for: sharing) }
        return sharing
    }

    /// Creates `folder` (and its missing parents) and gives each folder made the mode Git
    /// gives folders of this repository (group-writable and setgid when it is shared).
    func makeFolder(_ folder: URL) throws {
        var missing: [URL] = []
        var next = folder.standardizedFileURL
        while !FileManager.default.fileExists(atPath: next.path), next.path != "/" {
            missing.append(next)
            next = next.deletingLastPathComponent()
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for made in missing.reversed() { sharing.adjust(made) }
    }

    /// Gives a file clinicctl just wrote the mode Git would give it here.
    func shareAlike(_ file: URL) { sharing.adjust(file) }

    /// `error` with, when it is a write this account was not allowed to make in a repository
    /// (libgit2's `…'PATH': Permission denied`), which path and how to share the repository.
    func explainingPermission(_ error: WorkflowError) -> WorkflowError {
        guard let path = Self.deniedPath(in: error.message) else { return error }
        return WorkflowError(
            error.code, error.message + ". " + Self.sharingAdvice(forUnwritable: path), findings: error.findings, draft: error.draft,
            entry: error.entry, file: error.file, reference: error.reference, revision: error.revision)
    }

    /// The path a `Permission denied` message names (libgit2 quotes it: `'/srv/clinic.git/refs/x'`).
    static func deniedPath(in message: String) -> String? {
        guard message.contains("Permission denied") else { return nil }
        let parts = message.split(separator: "'", omittingEmptySubsequences: false)
        return stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) }.first { $0.hasPrefix("/") }
    }

    /// What to tell the person who met a file they may not write in a repository: the path, the
    /// account, and the commands that share the repository (found by walking up from `path`).
    public static func sharingAdvice(forUnwritable path: String) -> String {
        let account = getpwuid(geteuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid \(geteuid())"
        guard let repository = repositoryFolder(around: path) else {
            return "The account \(account) may not write \(path): give it (or its group) write access there"
        }
        return "The account \(account) may not write \(path): another account made it without sharing the repository. "
            + "When several accounts push to it, share it once, on the server: chmod -R g+w \(repository); "
            + "find \(repository) -type d -exec chmod g+s {} +; git -C \(repository) config core.sharedRepository group "
            + "(with every account in the repository's group, `chgrp -R GROUP \(repository)`; see docs/team.md)"
    }

    /// A server's refusal, with how to fix it when it is the server's repository that its account
    /// may not write (Git's `unable to create directory`, `Permission denied`,
    /// `insufficient permission`): another account made what this push had to write into.
    public static func explainingServerPermission(_ said: String) -> String {
        let signs = ["unable to create directory", "Permission denied", "insufficient permission"]
        guard signs.contains(where: said.contains) else { return said }
        // A folder on this computer (libgit2 wrote into it itself): the path and this account.
        if let path = deniedPath(in: said), repositoryFolder(around: path) != nil {
            return said + ". " + sharingAdvice(forUnwritable: path)
        }
        return said
            + " (the server's repository is not writable by the account this push ran as there, as when each person pushes as "
            + "an account of their own and the repository is not shared: whoever runs the server can share it once with "
            + "chmod -R g+w REPO; find REPO -type d -exec chmod g+s {} +; git -C REPO config core.sharedRepository group; "
            + "see docs/team.md)"
    }

    /// The Git folder `path` is in: the nearest folder above it with `HEAD`, `objects` and `refs`.
    static func repositoryFolder(around path: String) -> String? {
        var folder = URL(fileURLWithPath: path).standardizedFileURL
        while folder.path != "/" {
            let isGitFolder = ["HEAD", "objects", "refs"].allSatisfy {
                FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
            }
            if isGitFolder { return folder.path }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
