import ClinicContent
internal import ClinicGit
import Foundation

/// How a draft's content and the published content combine, by record and field.
///
/// Every place two versions meet (approval, review, the drafts' check, draft update, the
/// server's approval rule) asks this one value, so what a reviewer is shown is what the
/// approval makes and what the server accepts. Git's line merge still decides the files
/// clinicctl does not read as records; the content files both sides changed are decided
/// here, by `ContentMerge`, and handed to Git as overrides.
struct FieldMerge {
    /// The files the content merge decided, for Git's merge to take instead of its own.
    let overrides: MergeOverrides
    /// Fields both sides changed differently that no choice decided.
    let conflicts: [MergeConflict]
    /// Fields both sides changed differently that a choice decided, as they were before it.
    let resolvedConflicts: [MergeConflict]

    static let lineMergeOnly = FieldMerge(overrides: .none, conflicts: [], resolvedConflicts: [])

    /// Merges `draft` and `published`, both grown from `base` (nil: no common history, and
    /// Git's merge decides alone). `choose` decides a conflict by taking a side, or leaves it open (nil).
    static func of(
        draft: ObjectID, published: ObjectID, base: ObjectID?, layout: ContentLayout, in git: Repository,
        choose: (MergeConflict) -> MergeSide? = { _ in nil }
    ) throws -> FieldMerge {
        guard let base else { return .lineMergeOnly }
        let prefix = layout.directory + "/"
        let draftDiff = try git.fileDifferences(from: base, to: draft).filter { $0.path.hasPrefix(prefix) }
        let publishedDiff = try git.fileDifferences(from: base, to: published).filter { $0.path.hasPrefix(prefix) }
        // One side left the content alone: the other side's files are taken as they are, as Git does.
        guard !draftDiff.isEmpty, !publishedDiff.isEmpty else { return .lineMergeOnly }
        let draftChanged = draftDiff.map(\.path)
        let publishedChanged = publishedDiff.map(\.path)
        let paths = Set(draftChanged + publishedChanged + [layout.clinicFile])
        let sides = try Self.sides(draftDiff, publishedDiff, clinic: layout.clinicFile, at: base, in: git)
        let unresolved = ContentMerge(base: sides.base, ours: sides.draft, theirs: sides.published, layout: layout)
        let picks = Dictionary(unresolved.conflicts.compactMap { conflict in choose(conflict).map { (conflict.key, $0) } }) { $1 }
        let merge = picks.isEmpty ? unresolved : try unresolved.resolving(picks)
        // Where one side changed a file and the merge took it as it is, Git's merge takes the same
        // file (mode included); only what the content merge really decided is handed down.
        let draftOnly = Set(draftChanged).subtracting(publishedChanged)
        let gitTakes = paths.subtracting(Set(draftChanged).intersection(publishedChanged)).reduce(into: [String: Data?]()) {
            $0[$1] = draftOnly.contains($1) ? sides.draft[$1] : sides.published[$1]
        }
        return FieldMerge(
            overrides: overrides(of: merge, over: paths, gitTakes: gitTakes), conflicts: merge.conflicts,
            resolvedConflicts: unresolved.conflicts.filter { picks[$0.key] != nil })
    }

    /// The bytes of every changed path on each side, taken from the two diffs against `base`
    /// (which hold them already): a path one side did not change is the base's there.
    /// The clinic file, which says the default locale, is read once when neither changed it.
    private static func sides(
        _ draftDiff: [FileDifference], _ publishedDiff: [FileDifference], clinic: String, at base: ObjectID, in git: Repository
    ) throws -> (base: [String: Data], draft: [String: Data], published: [String: Data]) {
        var sides = (base: [String: Data](), draft: [String: Data](), published: [String: Data]())
        for difference in draftDiff + publishedDiff { sides.base[difference.path] = difference.old?.contents }
        sides.draft = sides.base
        sides.published = sides.base
        for difference in draftDiff { sides.draft[difference.path] = difference.new?.contents }
        for difference in publishedDiff { sides.published[difference.path] = difference.new?.contents }
        if !(draftDiff + publishedDiff).contains(where: { $0.path == clinic }), let bytes = try git.readFile(clinic, at: base) {
            (sides.base[clinic], sides.draft[clinic], sides.published[clinic]) = (bytes, bytes, bytes)
        }
        return sides
    }

    /// Each path the content merge decided: its merged bytes, or removed; paths it left to a
    /// text merge stay with Git, and a path with an open conflict keeps Git's version (the
    /// merge is refused for the conflict anyway).
    private static func overrides(of merge: ContentMerge, over paths: Set<String>, gitTakes: [String: Data?]) -> MergeOverrides {
        var overrides = MergeOverrides()
        let open = Set(merge.conflicts.map(\.path)).union(merge.textMergeNeeded)
        for path in paths where !open.contains(path) {
            if let taken = gitTakes[path], taken == merge.files[path] { continue }
            if let bytes = merge.files[path] { overrides.files[path] = bytes } else { overrides.removed.insert(path) }
        }
        return overrides
    }
}

/// The merge `review approve` makes of a draft on the published tip, held in memory.
struct ApprovalMerge {
    /// Git's merge, with the content files decided by record and field.
    let merged: MergedIndex
    /// Fields both sides changed differently: the merge cannot be made until someone decides.
    let fieldConflicts: [MergeConflict]

    var hasConflicts: Bool { merged.hasConflicts || !fieldConflicts.isEmpty }

    /// The merged tree; nil while anything is in conflict.
    var tree: ObjectID? { fieldConflicts.isEmpty ? merged.tree : nil }

    /// Every path in conflict, Git's (files it merges by line) and the content merge's.
    var conflictedPaths: [String] { Array(Set(merged.conflictedPaths + fieldConflicts.map(\.path))).sorted() }
}

extension ContentRepository {
    /// The field merge of approving `draft` on `published`: from their merge base, as Git's merge.
    func approvalFieldMerge(published: ObjectID, draft: ObjectID, in git: Repository) throws -> FieldMerge {
        try FieldMerge.of(draft: draft, published: published, base: try git.mergeBase(published, draft), layout: layout, in: git)
    }

    /// Merges `draft` into `published` in memory, as the approval would, by record and field.
    func approvalMerge(published: ObjectID, draft: ObjectID, in git: Repository) throws -> ApprovalMerge {
        let field = try approvalFieldMerge(published: published, draft: draft, in: git)
        return ApprovalMerge(
            merged: try git.mergedIndex(ours: published, theirs: draft, overriding: field.overrides), fieldConflicts: field.conflicts)
    }
}

extension ContentRepository {
    /// `commit`'s change (against its first parent) applied on `onto`, merged by record and
    /// field with what it lands on: how drop, update and sync apply an edit again. The tree is
    /// nil when a field stays in conflict (`choose` left it open) or a file Git merges by line conflicts.
    func applyByField(
        _ commit: CommitInfo, onto: ObjectID, in git: Repository, choose: (MergeConflict) -> MergeSide? = { _ in nil }
    ) throws -> (tree: ObjectID?, field: FieldMerge, conflictedPaths: [String]) {
        let field = try FieldMerge.of(
            draft: commit.id, published: onto, base: commit.parents.first, layout: layout, in: git, choose: choose)
        guard field.conflicts.isEmpty else { return (nil, field, field.conflicts.map(\.path)) }
        let outcome = try git.cherryPick(commit.id, onto: onto, overriding: field.overrides)
        return (outcome.tree, field, outcome.conflictedPaths)
    }

    /// The refusal of a merge that needs someone to decide fields both sides changed.
    func fieldConflictError(_ draft: String, _ conflicts: [MergeConflict]) -> WorkflowError {
        let lines = conflicts.map { "  \($0) [\($0.key)]" }.joined(separator: "\n")
        let entries = Array(Set(conflicts.map { entry(forPath: $0.path) })).sorted()
        return WorkflowError(
            .conflict,
            "draft \(draft) and the published content changed the same field\(conflicts.count == 1 ? "" : "s") differently:\n\(lines)",
            draft: draft, entry: entries.count == 1 ? entries[0] : nil, remedy: .decideConflicts(draft))
    }
}
