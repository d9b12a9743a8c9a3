import ClinicContent
internal import ClinicGit
import Foundation

/// One published change, as the history tells it.
public struct PublishedChange: Sendable, Codable {
    public var commit: Revision
    public var time: Date
    public var summary: String
    /// The edits' authors (for an approval) or the committer's author.
    public var draftedBy: [Person]
    public var approvedBy: Person?
    public var draft: String?
    public var edits: [String]
    public var entries: [String]
    /// With `history(entry:field:)`: how the asked-for field changed, old to new.
    public var fieldChanges: [EntryChange.FieldChange]? = nil
    /// For an approval: what its signature proves, as `clinicctl verify` says it.
    public var signature: ApprovalSignatureCheck? = nil
}

extension Reviews {
    /// The published branch's first-parent history, newest first, at most
    /// `limit` changes; only changes touching `entry` (`faq/x`, `hours/glenview`,
    /// `social`…) when given. Those are found through the history index (see
    /// `HistoryIndex`), so a long history costs only the first time.
    public func history(entry: String? = nil, limit: Int = 200) throws -> [PublishedChange] {
        let tip = try repository.publishedTip()
        guard let entry else {
            return try repository.withGit { try $0.firstParentLog(from: tip, limit: limit) }.map { commit in
                try publishedChange(commit, entries: try entries(changedBy: commit))
            }
        }
        return try indexedChanges(of: entry, upTo: tip).prefix(limit).map { change in
            let commit = try repository.withGit(revision: change.commit.hex) { try $0.commit(change.commit) }
            return try publishedChange(commit, entries: try entries(changedBy: commit))
        }
    }

    /// One first-parent commit as the history tells it: for an approval, the
    /// draft's edits and everyone who drafted them.
    func publishedChange(_ commit: CommitInfo, entries: [String]) throws -> PublishedChange {
        var edits: [CommitInfo] = []
        var merged: [CommitInfo] = []
        if commit.parents.count == 2, let parent = commit.parents.first {
            (edits, merged) = try repository.withGit(revision: commit.id.hex) { git in
                var edits: [CommitInfo] = []
                var next: ObjectID? = commit.parents[1]
                while let id = next, try !git.isAncestor(id, of: parent) {
                    let edit = try git.commit(id)
                    edits.append(edit)
                    next = edit.parents.first
                }
                // Every commit the merge brought in, side branches included: all of their authors drafted it.
                return (edits, try git.commits(reachableFrom: commit.parents[1], excluding: parent))
            }
        }
        let approval: CommitRecord.Approval? =
            if case .approval(let approval) = CommitRecord(message: commit.message) { approval } else { nil }
        var drafted: [Person] = []
        for person in (edits.isEmpty ? [commit] : edits.reversed() + merged.reversed()).map({
            Person(name: $0.author.name, email: $0.author.email)
        })
        where !drafted.contains(where: { $0.isSame(as: person) }) {
            drafted.append(person)
        }
        return PublishedChange(
            commit: Revision(commit.id), time: commit.committer.time, summary: commit.summary, draftedBy: drafted,
            approvedBy: approval?.approvedBy, draft: approval?.draft, edits: edits.reversed().map(\.summary), entries: entries,
            signature: approval != nil && commit.parents.count == 2
                ? try repository.signatures.verifyApproval(commit.id, previousTip: commit.parents[0]) : nil)
    }

    /// Opens a draft that undoes one published change; it is reviewed like any other.
    public func revert(_ revision: String, as person: Person, signingKey: SigningKey? = nil) throws -> EditResult {
        let target = try repository.resolve(revision)
        let published = try repository.publishedTip()
        guard try repository.withGit(revision: revision, { try $0.isAncestor(target, of: published) }) else {
            throw WorkflowError(
                .refused,
                "\(revision) is not part of the published branch \(repository.config.publishedBranch); only published changes can be reverted",
                revision: revision)
        }
        let info = try repository.withGit(revision: revision) { try $0.commit(target) }
        guard !info.parents.isEmpty else {
            throw WorkflowError(.refused, "\(revision) is the first commit; there is nothing before it to go back to", revision: revision)
        }
        let outcome = try repository.withGit(revision: revision) { try $0.revert(target, onto: published) }
        guard let tree = outcome.tree else {
            throw WorkflowError(
                .conflict,
                "\(info.summary) cannot be undone by itself: later changes touched \(Set(outcome.conflictedPaths.map(repository.entry(forPath:))).sorted().joined(separator: ", "))",
                revision: revision)
        }
        let id = try repository.newDraftID(from: "revert-\(target.short)")
        let signature = repository.environment.signature(person)
        let probe = try repository.withGit(revision: revision) {
            try $0.createCommit(tree: tree, parents: [published], author: signature, committer: signature, message: "probe\n")
        }
        let (after, findings) = try repository.validate(at: probe)
        guard findings.errors.isEmpty else {
            throw WorkflowError(
                .invalid, "undoing \(info.summary) would leave the content invalid; nothing was opened", findings: findings.errors)
        }
        let changes = ContentDiff.changes(from: try repository.load(at: published).content, to: after.content)
        guard !changes.isEmpty else { throw WorkflowError(.unchanged, "\(info.summary) changed nothing that is still published") }
        let message = CommitRecord.revert(
            .init(revertedSummary: info.summary, reverted: Revision(target), details: CommitRecord.describe(changes))
        ).message
        // Held as its only writer, which also clears a Git lock a killed opening of the same name left.
        let (commit, files) = try repository.holdingDraft(id) {
            try repository.withGit(draft: id, reference: repository.draftRef(id)) { git in
                let commit = try git.createCommit(
                    tree: tree, parents: [published], author: signature, committer: signature, message: message,
                    sign: repository.signatures.signer(signingKey))
                try git.updateReference(repository.draftRef(id), to: commit, expected: nil, logMessage: "clinicctl: open draft \(id)")
                return (commit, try git.changedPaths(from: published, to: commit).map(\.path))
            }
        }
        return EditResult(
            draft: id, commit: Revision(commit), createdDraft: true, summary: "Revert \"\(info.summary)\"", files: files,
            changes: changes, preexistingErrors: [])
    }
}
