import ClinicContent
internal import ClinicGit
import Foundation

/// Creates a content repository from a content folder: the first thing a
/// clinic (or the demo) does.
public enum RepositoryCreation {
    /// Creates the repository at `directory` and commits the content on the
    /// published branch; a non-bare repository gets its working tree checked out.
    /// Keys given for the first reviewer turn on `requireSignedApprovals`.
    /// The published branch is recorded in the repository's Git config
    /// (`clinicctl.publishedBranch`), where clinicctl and the server hooks read it.
    /// `shared` (`group`, `all`, `0660`, …) shares it between the accounts of a group as
    /// `git init --shared` does, recording `core.sharedRepository`.
    public static func create(
        at directory: URL, content: URL, hooks: URL?, reviewers: [Person], firstReviewerKeys: [String] = [], publishedBranch: String,
        bare: Bool, shared: String? = nil,
        as person: Person, environment: WorkEnvironment
    ) throws -> Revision {
        let fileManager = FileManager.default
        let sharing = try shared.map(sharingMode) ?? .umask
        if let existing = try? fileManager.contentsOfDirectory(atPath: directory.path), !existing.isEmpty {
            throw WorkflowError(.refused, "\(directory.path) already exists and is not empty; choose a new folder")
        }
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: content.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw WorkflowError(.notFound, "there is no content folder at \(content.path); pass --from DIR")
        }
        var changes: [FileChange] = []
        for path in try FolderSource(root: content).list(under: "") {
            changes.append(.write(path: "content/\(path)", contents: try Data(contentsOf: content.appendingPathComponent(path))))
        }
        if let hooks {
            for path in try FolderSource(root: hooks).list(under: "") {
                let url = hooks.appendingPathComponent(path)
                let data = try Data(contentsOf: url)
                if fileManager.isExecutableFile(atPath: url.path) {
                    changes.append(.writeExecutable(path: "hooks/\(path)", contents: data))
                } else {
                    changes.append(.write(path: "hooks/\(path)", contents: data))
                }
            }
        }
        let config = RepositoryConfig(
            publishedBranch: publishedBranch, contentDirectory: "content",
            reviewers: reviewers.enumerated().map { Reviewer(name: $1.name, email: $1.email, keys: $0 == 0 ? firstReviewerKeys : []) },
            requireSignedApprovals: !firstReviewerKeys.isEmpty)
        changes.append(.write(path: RepositoryConfig.fileName, contents: Data(config.canonicalText.utf8)))

        // Refuse content that would not validate before anything is created.
        let staged = InMemorySource(files: Dictionary(uniqueKeysWithValues: changes.compactMap { c in c.data.map { (c.path, $0) } }))
        let (_, findings) = try Validator().validate(staged, layout: config.layout)
        guard findings.errors.isEmpty else {
            throw WorkflowError(.invalid, "the content in \(content.path) is not valid; nothing was created", findings: findings.errors)
        }
        let signature = environment.signature(person)
        // What libgit2 writes from here on is shared; `share` then gives every path Git's mode.
        if sharing != .umask { Repository.adoptUmask(for: sharing) }
        return try throughGit {
            let git = try Repository.create(at: directory, bare: bare, initialBranch: publishedBranch)
            // Which branch is published belongs to the repository, not to any revision's file.
            try ContentRepository.recordPublishedBranch(publishedBranch, in: git)
            let commit = try git.commit(
                changes: changes, onBranch: "refs/heads/\(publishedBranch)", expectedTip: nil, parentIfNew: nil,
                author: signature, committer: signature,
                message: CommitRecord.creation.message)
            // Every later commit of the published branch is judged from this one on.
            try ContentRepository.recordTrustedStart(from: commit, in: git)
            if !bare { try git.checkoutHead() }
            try git.share(sharing)
            return Revision(commit)
        }
    }

    /// `--shared`'s value as Git reads `core.sharedRepository`; a usage error when Git would refuse it.
    static func sharingMode(_ value: String) throws -> SharedRepository {
        guard let mode = SharedRepository(configValue: value) else {
            throw WorkflowError(
                .usage,
                "--shared takes group, all, umask or an octal mode such as 0660 that lets the owner read and write, not \"\(value)\"")
        }
        return mode
    }
}

extension RepositoryConfig {
    /// The file as clinicctl writes it.
    public var canonicalText: String {
        var lines = [
            "publishedBranch: \(publishedBranch)", "contentDirectory: \(contentDirectory)",
            "# Only reviewers listed here on the published branch may approve drafts.",
        ]
        if requireSignedApprovals {
            lines.append("# Every approval must be signed with a key listed for its reviewer (docs/signing.md).")
            lines.append("requireSignedApprovals: true")
        }
        if reviewers.isEmpty {
            lines.append("reviewers: []")
        } else {
            lines.append("reviewers:")
            for reviewer in reviewers {
                lines.append("  - name: \(Self.quoted(reviewer.name))")
                lines.append("    email: \(reviewer.email)")
                if !reviewer.keys.isEmpty {
                    lines.append("    keys:")
                    lines += reviewer.keys.map { "      - \(Self.quoted($0))" }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
