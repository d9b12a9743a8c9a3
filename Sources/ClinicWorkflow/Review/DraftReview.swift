import ClinicContent
internal import ClinicGit
import Foundation

/// What a reviewer reads before deciding: the draft's field-level changes,
/// whether it still merges with the published branch, and whether the merged
/// content is valid.
public struct DraftReview: Sendable {
    public var draft: Draft
    /// What approving would change on the published branch.
    public var changes: [EntryChange]
    /// Entries both the draft and the published branch changed since the draft began.
    public var conflicts: [String]
    /// The fields both changed differently, each with its three values, in the clinic's words.
    public var fieldConflicts: [MergeConflict] = []
    /// Errors the merged content would have (empty when it validates).
    public var findings: [Finding]
    public var publishedTip: Revision
    /// Whether the draft already contains the published branch's latest changes.
    public var upToDate: Bool
    /// Every path the draft changes, content or not.
    public var files: [ChangedFile]
    /// Whether each edit of the draft (in `draft.edits` order) is signed, and by whom.
    public var signatures: [DraftCommitSignature] = []

    /// The tip this review shows: what approving it approves.
    public var tip: Revision { draft.tip }
    /// What a reviewer must accept explicitly (`--accept`) to approve the draft.
    public var needsAcceptance: [Acceptance] { Acceptance.missing(for: files, accepted: []) }
    /// The changed paths outside the content model, in one section.
    public func files(in section: ChangedFile.Section) -> [ChangedFile] { files.filter { $0.section == section } }

    public var mergesCleanly: Bool { conflicts.isEmpty }
    public var isValid: Bool { findings.errors.isEmpty }
}

extension ContentRepository {
    /// The entry a content file holds: `content/faq/x.md` → `faq/x`.
    public func entry(forPath path: String) -> String {
        let prefix = layout.directory + "/"
        guard path.hasPrefix(prefix) else { return path }
        let relative = path.dropFirst(prefix.count)
        let parts = relative.split(separator: "/")
        let stem = ContentLoader.stem(String(relative))
        switch parts.first {
        case "faq": return "faq/\(stem)"
        case "locations": return "location/\(stem)"
        case "hours": return "hours/\(stem)"
        default: return stem
        }
    }
}

extension Reviews {
    /// Merges `tip` into the published tip as objects only (no ref moves).
    ///
    /// Returns the merged commit, or the conflicting entries.
    func mergeWithPublished(
        _ tip: ObjectID, published: ObjectID, message: String, as person: Person, sign: ((Data) throws -> String)? = nil
    ) throws -> (ObjectID?, [String], [MergeConflict]) {
        let signature = repository.environment.signature(person)
        return try repository.withGit(revision: tip.hex) { git in
            let field = try repository.approvalFieldMerge(published: published, draft: tip, in: git)
            let outcome = try git.merge(ours: published, theirs: tip, overriding: field.overrides)
            guard let tree = outcome.tree, field.conflicts.isEmpty else {
                let paths = outcome.conflictedPaths + field.conflicts.map(\.path)
                return (nil, Array(Set(paths.map(repository.entry(forPath:)))).sorted(), field.conflicts)
            }
            return (
                try git.createCommit(
                    tree: tree, parents: [published, tip], author: signature, committer: signature, message: message, sign: sign), [], []
            )
        }
    }

    /// Builds the review of an open draft.
    ///
    /// Reading only: the merge is computed in memory and its content read from
    /// there, so reviewing writes nothing but the caches under `<git dir>/clinicctl/`,
    /// best effort (it works on a read-only repository). The merge's errors are taken
    /// from the draft's remembered check when there is one (`checks(of:)`).
    public func review(_ id: String) throws -> DraftReview {
        let draft = try self.repository.draft(id)
        let published = try repository.publishedTip()
        let signatures = try repository.signatures.draftCommitSignatures(draft.edits.map(\.commit.id))
        return try repository.withGit(draft: id) { git in
            let upToDate = try git.isAncestor(published, of: draft.tip.id)
            let merge = try repository.approvalMerge(published: published, draft: draft.tip.id, in: git)
            let merged = merge.merged
            let publishedContent = try repository.load(at: published)
            let before = publishedContent.content
            var changes: [EntryChange]
            var findings: [Finding] = []
            // The merge's errors are remembered with the draft's check (`drafts` and earlier reviews make it).
            let checks = repository.reviews.draftCheckCache()
            let key = repository.reviews.draftCheckKey(draft, published: published)
            let known = checks.value(key)
            if merge.hasConflicts {
                // Not mergeable: show what the draft itself changed since it began.
                changes = try repository.reviews.ownChanges(of: draft)
            } else {
                var after: LoadedContent?
                if let known {
                    findings = known.findings
                } else {
                    let validated = try Validator().validate(
                        MergedIndexSource(merged, records: repository.recordCache), layout: repository.layout)
                    (after, findings) = (validated.0, validated.1.errors)
                }
                changes =
                    try ContentDiff.changes(from: publishedContent, changing: contentFiles(changedBy: merged, since: published, in: git))
                    ?? ContentDiff.changes(
                        from: before,
                        to: try after?.content
                            ?? ContentLoader(layout: repository.layout).load(
                                from: MergedIndexSource(merged, records: repository.recordCache)
                            ).content)
            }
            let conflicts = Array(Set(merge.conflictedPaths.map(repository.entry(forPath:)))).sorted()
            let files = try repository.reviews.changedFiles(merging: merge, tip: draft.tip.id, published: published, in: git)
            if known == nil {
                checks.remember(
                    DraftCheck(conflicts: conflicts, findings: findings, needsAcceptance: Acceptance.missing(for: files, accepted: [])), key
                )
                checks.persist()
            }
            return DraftReview(
                draft: draft, changes: changes, conflicts: conflicts, fieldConflicts: merge.fieldConflicts, findings: findings,
                publishedTip: Revision(published),
                upToDate: upToDate,
                files: files, signatures: signatures)
        }
    }

    /// The content files whose blob or mode differ between the published tip and a merge of it.
    func contentFiles(changedBy merged: MergedIndex, since published: ObjectID, in git: Repository) throws -> [ChangedContentFile] {
        let inside = repository.layout.directory + "/"
        let old = try git.fileIDs(under: repository.layout.directory, at: published)
        let unusual = try git.unusualModes(under: repository.layout.directory, at: published)
        var seen = Set<String>()
        var files: [ChangedContentFile] = []
        for entry in merged.entries where entry.path.hasPrefix(inside) {
            seen.insert(entry.path)
            let plain = entry.mode == 0o100644 && unusual[entry.path] == nil
            guard old[entry.path] != entry.blob || !plain else { continue }
            files.append(
                ChangedContentFile(
                    path: entry.path, data: try merged.contents(of: entry.path),
                    oldSize: try old[entry.path].map { try git.readBlob($0).count } ?? 0, isPlain: plain))
        }
        for (path, blob) in old where !seen.contains(path) {
            files.append(
                ChangedContentFile(path: path, data: nil, oldSize: try git.readBlob(blob).count, isPlain: unusual[path] == nil))
        }
        return files
    }
}
