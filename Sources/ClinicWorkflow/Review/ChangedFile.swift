import ClinicContent
internal import ClinicGit
import Foundation

/// A path a draft changes, as the review shows it: every path counts, not
/// only the ones the content model understands.
public struct ChangedFile: Sendable, Codable, Hashable {
    /// Where the review shows a path; the first two are printed first.
    public enum Section: String, Sendable, Codable, CaseIterable {
        /// Anything under `hooks/`: it runs on publish and on the server.
        case code = "code-that-will-run"
        /// Anything else outside the content model: top-level files, symlinks, modes, and files
        /// under the content folder that hold no records (`content/faq/notes.txt`).
        case otherFiles = "other-files"
        /// `clinicctl.yaml`: reviewers, published branch, content folder.
        case settings
        /// Plain files the content model reads as records, shown as the field-level diff.
        case content
    }

    public enum Change: String, Sendable, Codable { case added, removed, changed }

    public var path: String
    public var section: Section
    public var change: Change
    /// Git modes (`100644`, `100755`, `120000` symlink, `160000` submodule); nil where absent.
    public var oldMode: String?
    public var newMode: String?
    public var oldSize: Int?
    public var newSize: Int?
    /// Where a symlink points, on each side.
    public var oldTarget: String?
    public var newTarget: String?
    /// The text diff (`-`/`+`/` ` lines) of a hook or the settings; nil for binary files.
    public var diff: [String]?
    /// The settings' changes in words (`reviewer added: …`).
    public var details: [String]

    public init(
        path: String, section: Section, change: Change, oldMode: String? = nil, newMode: String? = nil, oldSize: Int? = nil,
        newSize: Int? = nil, oldTarget: String? = nil, newTarget: String? = nil, diff: [String]? = nil, details: [String] = []
    ) {
        self.path = path
        self.section = section
        self.change = change
        self.oldMode = oldMode
        self.newMode = newMode
        self.oldSize = oldSize
        self.newSize = newSize
        self.oldTarget = oldTarget
        self.newTarget = newTarget
        self.diff = diff
        self.details = details
    }

    /// What a reviewer must accept explicitly before approving this change; nil for content.
    public var acceptance: Acceptance? {
        switch section {
        case .code: .hooks
        case .settings: .settings
        case .otherFiles: .files
        case .content: nil
        }
    }
}

/// What a reviewer says yes to, beyond content, when approving a draft.
public enum Acceptance: String, Sendable, Codable, CaseIterable, Comparable {
    /// Files under `hooks/`: code that runs when publishing and on the server.
    case hooks
    /// `clinicctl.yaml`.
    case settings
    /// Other files outside the content model.
    case files

    public static func < (lhs: Acceptance, rhs: Acceptance) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// What `files` needs accepted that `accepted` does not say: the one rule
    /// for approving locally and for checking a pushed approval on the server.
    public static func missing(for files: [ChangedFile], accepted: Set<Acceptance>) -> [Acceptance] {
        Set(files.compactMap(\.acceptance)).subtracting(accepted).sorted()
    }
}

extension Reviews {
    /// Every path approving `tip` would change on `published`, classified: the difference
    /// between the published tip and the merge `review approve` makes, never against a merge
    /// base (which the draft's author can choose with a criss-cross history and commit dates).
    func changedFiles(tip: ObjectID, published: ObjectID, in git: Repository) throws -> [ChangedFile] {
        try changedFiles(
            merging: try repository.approvalMerge(published: published, draft: tip, in: git), tip: tip, published: published, in: git)
    }

    /// `changedFiles(tip:published:in:)` with the merge already made. A merge that conflicts
    /// cannot be approved; it shows what the draft changed since its merge base instead.
    func changedFiles(merging merge: ApprovalMerge, tip: ObjectID, published: ObjectID, in git: Repository) throws -> [ChangedFile] {
        if !merge.hasConflicts, let differences = try merge.merged.fileDifferences(from: published) {
            return differences.map(classify)
        }
        let base = try git.mergeBase(tip, published) ?? published
        return try git.fileDifferences(from: base, to: tip).map(classify)
    }

    /// Every path `commit` changes against its first parent, classified: for an approval
    /// whose tree is its merge (the server checks that), what approving it changed.
    func changedFiles(byCommit commit: CommitInfo, in git: Repository) throws -> [ChangedFile] {
        guard let previous = commit.parents.first else { return [] }
        return try git.fileDifferences(from: previous, to: commit.id).map(classify)
    }

    func classify(_ difference: FileDifference) -> ChangedFile {
        let path = difference.path
        let sides = [difference.old, difference.new].compactMap { $0 }
        let section: ChangedFile.Section =
            if path == RepositoryConfig.fileName { .settings } else if path.hasPrefix("hooks/") {
                .code
            } else if repository.layout.holdsRecords(path), sides.allSatisfy({ $0.mode == .regular }) {
                .content
            } else { .otherFiles }
        let change: ChangedFile.Change = difference.old == nil ? .added : difference.new == nil ? .removed : .changed
        let target = { (version: FileVersion?) -> String? in
            guard let version, version.mode == .symlink, let data = version.contents else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
        var file = ChangedFile(
            path: path, section: section, change: change, oldMode: difference.old?.mode.rawValue, newMode: difference.new?.mode.rawValue,
            oldSize: difference.old?.size, newSize: difference.new?.size, oldTarget: target(difference.old),
            newTarget: target(difference.new), diff: nil, details: [])
        if section == .code || section == .settings {
            file.diff = LineDiff.lines(difference.old?.contents ?? Data(), difference.new?.contents ?? Data())
        }
        if section == .settings {
            file.details = SettingsChange.describe(old: difference.old?.contents, new: difference.new?.contents)
        }
        return file
    }
}
