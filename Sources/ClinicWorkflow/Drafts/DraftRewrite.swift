import ClinicContent
internal import ClinicGit
import Foundation

/// What dropping an edit from a draft did.
public struct DraftRewrite: Sendable, Codable {
    public var draft: String
    /// The edit taken out (1 is the draft's first edit).
    public var dropped: Int
    public var droppedSummary: String
    /// The draft's new tip; the old one is kept under `refs/clinicctl/previous/<id>`.
    public var tip: Revision
    public var previousTip: Revision
    public var remainingEdits: [String]
}

extension Drafts {
    /// Drops the draft's last edit (`draft undo`).
    public func undoLastEdit(of id: String, as person: Person) throws -> DraftRewrite {
        let draft = try self.repository.draft(id)
        guard !draft.edits.isEmpty else {
            throw WorkflowError(.unchanged, "draft \(id) has no edits: there is nothing to undo", draft: id)
        }
        return try dropEdit(draft.edits.count, of: id, as: person)
    }

    /// Drops edit `number` (1 is the first) from the draft: the edits after it are
    /// applied again onto the one before it, the result validated, and the draft
    /// moved only if nobody changed it meanwhile. The old tip stays under
    /// `refs/clinicctl/previous/<id>`, as `draft update` keeps it.
    public func dropEdit(_ number: Int, of id: String, as person: Person) throws -> DraftRewrite {
        let draft = try self.repository.draft(id)
        guard !draft.edits.isEmpty else {
            throw WorkflowError(.unchanged, "draft \(id) has no edits: there is nothing to drop", draft: id)
        }
        guard (1...draft.edits.count).contains(number) else {
            throw WorkflowError(
                .notFound,
                "draft \(id) has \(draft.edits.count) edit(s), numbered 1 to \(draft.edits.count); there is no edit \(number)",
                draft: id, remedy: .showDraft(id))
        }
        guard draft.edits.count > 1 else {
            throw WorkflowError(
                .refused,
                "edit \(number) is the only edit of draft \(id); dropping it would leave nothing to review", draft: id,
                remedy: .discardDraft(id))
        }
        let dropped = draft.edits[number - 1]
        // The edits before the dropped one stay as they are; the later ones are applied again.
        var tip = number == 1 ? try rewriteBase(of: draft) : draft.edits[number - 2].commit.id
        let committer = repository.environment.signature(person)
        for edit in draft.edits[number...] {
            // Merged by record and field: a later edit that only sits beside the dropped one in a file still applies.
            let tree = try repository.withGit(draft: id) { git in
                try repository.applyByField(try git.commit(edit.commit.id), onto: tip, in: git).tree
            }
            guard let tree else {
                throw WorkflowError(
                    .conflict,
                    "edit \(number) (\"\(dropped.summary)\") cannot be dropped alone: the later edit \"\(edit.summary)\" builds on it. Drop that one first; nothing was changed",
                    draft: id, entry: edit.entry)
            }
            tip = try repository.withGit(draft: id) { git in
                let original = try git.commit(edit.commit.id)
                return try git.createCommit(
                    tree: tree, parents: [tip], author: original.author, committer: committer, message: original.message)
            }
        }
        let findings = try self.repository.findings(at: tip)
        let before = try self.repository.findings(at: draft.tip)
        let known = Set(before.errors.map(FindingKey.init))
        let introduced = findings.errors.filter { !known.contains(FindingKey($0)) }
        guard introduced.isEmpty else {
            throw WorkflowError(
                .invalid, "without edit \(number) (\"\(dropped.summary)\") draft \(id) would be invalid; nothing was changed",
                findings: introduced, draft: id)
        }
        try moveDraft(draft, to: tip, logMessage: "clinicctl: drop edit \(number) of draft \(id)")
        return DraftRewrite(
            draft: id, dropped: number, droppedSummary: dropped.summary, tip: Revision(tip), previousTip: draft.tip,
            remainingEdits: draft.edits.enumerated().filter { $0.offset != number - 1 }.map(\.element.summary))
    }

    /// The commit the draft's first edit was made on.
    private func rewriteBase(of draft: Draft) throws -> ObjectID {
        let first = try repository.withGit(draft: draft.id) { try $0.commit(draft.edits[0].commit.id) }
        guard let parent = first.parents.first else {
            throw WorkflowError(
                .refused, "the first edit of draft \(draft.id) starts the repository's history; it cannot be dropped", draft: draft.id)
        }
        return parent
    }

    /// Keeps the old tip under `refs/clinicctl/previous/<id>`, then moves the draft by compare-and-swap.
    func moveDraft(_ draft: Draft, to tip: ObjectID, logMessage: String) throws {
        do {
            try repository.withGit(draft: draft.id, reference: repository.draftRef(draft.id)) { git in
                let previous = ContentRepository.previousPrefix + draft.id
                try git.updateReference(
                    previous, to: draft.tip.id, expected: try git.referenceTarget(previous),
                    logMessage: "clinicctl: keep draft \(draft.id) before rewriting it")
                try git.updateReference(repository.draftRef(draft.id), to: tip, expected: draft.tip.id, logMessage: logMessage)
            }
        } catch let error as WorkflowError where error.code == .conflict {
            throw WorkflowError(
                .conflict, "draft \(draft.id) received a new edit meanwhile; nothing was dropped. Look at it again first",
                draft: draft.id, reference: repository.draftRef(draft.id))
        }
    }
}
