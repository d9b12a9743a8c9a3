import ClinicContent
internal import ClinicGit
import Foundation

/// What `drafts` and `review list` say of an open draft: whether it merges with
/// the published branch, whether the merge validates, and what it changes beyond
/// content, with the merge's errors. Exactly what the draft's `DraftReview` says,
/// without the field-level changes and signatures a reviewer reads.
public struct DraftCheck: Hashable, Sendable, Codable {
    /// Entries both the draft and the published branch changed since the draft began.
    public var conflicts: [String]
    /// Errors the merged content would have (empty when the draft does not merge: nothing was validated).
    public var findings: [Finding]
    /// What a reviewer must accept explicitly (`--accept`) to approve the draft.
    public var needsAcceptance: [Acceptance]

    public var mergesCleanly: Bool { conflicts.isEmpty }
    /// Whether the merged content has no errors; true when the draft does not merge, as `DraftReview.isValid` says.
    public var isValid: Bool { findings.errors.isEmpty }

    public init(conflicts: [String], findings: [Finding], needsAcceptance: [Acceptance]) {
        self.conflicts = conflicts
        self.findings = findings
        self.needsAcceptance = needsAcceptance
    }

    /// The check a review says.
    public init(_ review: DraftReview) {
        self.init(conflicts: review.conflicts, findings: review.findings, needsAcceptance: review.needsAcceptance)
    }
}

extension Reviews {
    /// The check of each of `drafts` (open ones) against the published tip, in the same order.
    ///
    /// A check is a pure function of the published tip, the draft's tip, the content
    /// folder and the clinicctl build, so each is remembered under those in
    /// `<git dir>/clinicctl/cache/draft-checks.json` (`DraftCheckCache`): listing 200
    /// drafts merges and validates only those whose tip or base moved since the last listing.
    public func checks(of drafts: [Draft]) throws -> [DraftCheck] {
        let published = try repository.publishedTip()
        let cache = draftCheckCache()
        // The published content, read once for every draft not remembered: a draft's merge is
        // the published content with the files the draft changed, so only those are read.
        var publishedContent: (loaded: LoadedContent, files: [String: ObjectID])?
        let result = try drafts.map { draft in
            let key = draftCheckKey(draft, published: published)
            if let known = cache.value(key) { return known }
            if publishedContent == nil {
                let loaded = try repository.validate(at: published).0
                publishedContent = (loaded, try repository.withGit { try $0.fileIDs(under: repository.layout.directory, at: published) })
            }
            let check = try self.check(draft, published: published, reading: publishedContent)
            cache.remember(check, key)
            return check
        }
        cache.persist()
        return result
    }

    func draftCheckCache() -> DraftCheckCache {
        DraftCheckCache(file: repository.gitDirectory.appendingPathComponent("clinicctl/cache/draft-checks.json"))
    }

    func draftCheckKey(_ draft: Draft, published: ObjectID) -> DraftCheckCache.Key {
        DraftCheckCache.Key(base: published.hex, tip: draft.tip.hex, layout: repository.layout.directory)
    }

    /// Merges the draft with the published tip in memory and validates the merge: the
    /// published content with the draft's changed files read again (`LoadedContent.reloading`),
    /// or, without `published` or when the changed files alone cannot tell, read whole.
    func check(_ draft: Draft, published: ObjectID, reading base: (loaded: LoadedContent, files: [String: ObjectID])? = nil) throws
        -> DraftCheck
    {
        try repository.withGit(draft: draft.id) { git in
            let merge = try repository.approvalMerge(published: published, draft: draft.tip.id, in: git)
            let merged = merge.merged
            var findings: [Finding] = []
            if !merge.hasConflicts {
                let source = MergedIndexSource(merged, records: repository.recordCache)
                if let base, let changes = try changedContentFiles(merged, from: base),
                    let reloaded = try base.loaded.reloading(changes, from: source)
                {
                    findings = Validator().validate(reloaded).errors
                } else {
                    findings = try Validator().validate(source, layout: repository.layout).1.errors
                }
            }
            let conflicts = Array(Set(merge.conflictedPaths.map(repository.entry(forPath:)))).sorted()
            let files = try changedFiles(merging: merge, tip: draft.tip.id, published: published, in: git)
            return DraftCheck(conflicts: conflicts, findings: findings, needsAcceptance: Acceptance.missing(for: files, accepted: []))
        }
    }

    /// The content files whose bytes differ between the published content and the merge,
    /// with the merge's bytes (nil: removed). Nil when a file of either side is not a plain
    /// file (a link, an executable, a submodule), which the changed bytes alone cannot tell.
    func changedContentFiles(_ merged: MergedIndex, from base: (loaded: LoadedContent, files: [String: ObjectID])) throws
        -> [String: Data?]?
    {
        guard !base.loaded.hasSpecialFiles else { return nil }
        let prefix = repository.layout.directory.isEmpty ? "" : repository.layout.directory + "/"
        var changes: [String: Data?] = [:]
        var seen = Set<String>()
        for entry in merged.entries where entry.path.hasPrefix(prefix) {
            guard entry.mode == 0o100644 else { return nil }
            seen.insert(entry.path)
            if base.files[entry.path] != entry.blob { changes[entry.path] = .some(try merged.contents(of: entry.path)) }
        }
        for path in base.files.keys where !seen.contains(path) { changes[path] = .some(nil) }
        return changes
    }
}
