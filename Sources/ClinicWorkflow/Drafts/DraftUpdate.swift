import ClinicContent
internal import ClinicGit
import Foundation

/// Which side each field in conflict takes when a draft is brought up to date.
public struct MergeChoices: Sendable, Hashable {
    /// By field key (`hours/glenview:sat`): the side that field takes.
    public var fields: [String: MergeSide]
    /// The side every other field in conflict takes; nil: they stay open and the update is refused.
    public var others: MergeSide?

    public init(fields: [String: MergeSide] = [:], others: MergeSide? = nil) {
        self.fields = fields
        self.others = others
    }

    public static let none = MergeChoices()
    public var isEmpty: Bool { fields.isEmpty && others == nil }

    func side(for conflict: MergeConflict) -> MergeSide? { fields[conflict.key] ?? others }
}

/// The result of `draft update`; entries needing the author's decision are thrown as a conflict instead.
public struct DraftUpdate: Sendable, Codable {
    public var draft: String
    public var tip: Revision
    public var alreadyUpToDate: Bool
    /// The fields in conflict that were decided, in the clinic's words (`hours glenview · Saturday`), with the side taken.
    public var decided: [DecidedField] = []
    /// Every edit of the draft and what became of it, when they were made again from
    /// their operations (`ContentRepository.replayOperations`); empty when merged by field.
    public var replayed: [ReplayedEdit] = []

    public struct DecidedField: Sendable, Codable, Hashable {
        public var field: String
        public var key: String
        /// `draft` or `published`.
        public var took: String
        /// The value the field has now.
        public var value: String
    }
}

extension Drafts {
    /// Re-applies a draft's edits on top of the current published branch, merging each by
    /// record and field. A field both changed differently is decided by `choices`; one left
    /// open refuses the update, naming each with its three values. Taking the draft's side
    /// adds one more edit that sets those fields, reviewed like any other. Nothing changes
    /// on refusal; the old tip stays reachable under `refs/clinicctl/previous/<id>`.
    public func update(_ id: String, choosing choices: MergeChoices = .none, as person: Person) throws -> DraftUpdate {
        try repository.holdingDraft(id) { try updateHoldingLock(id, choices, as: person) }
    }

    private func updateHoldingLock(_ id: String, _ choices: MergeChoices, as person: Person) throws -> DraftUpdate {
        let draft = try self.repository.draft(id)
        let published = try repository.publishedTip()
        if try repository.withGit(draft: id, { try $0.isAncestor(published, of: draft.tip.id) }) {
            guard choices.isEmpty else { throw notInConflict(id, choices, conflicts: []) }
            return DraftUpdate(draft: id, tip: draft.tip, alreadyUpToDate: true)
        }
        let committer = repository.environment.signature(person)
        if choices.isEmpty, let operations = try operations(of: draft) {
            // A field both sides changed differently is still the author's to decide, as below;
            // anything else (an entry removed meanwhile, a file merged as text) is left to the operations.
            let looked: [MergeConflict]
            do {
                looked = try replay(draft, onto: published, committer: committer, choose: { _ in nil }).conflicts
            } catch let error as WorkflowError where error.code == .conflict {
                looked = []
            }
            guard looked.allSatisfy(\.field.isEmpty) else { throw repository.fieldConflictError(id, looked) }
            return try replayOperations(draft, operations, onto: published, as: person)
        }
        let chosen = try replay(draft, onto: published, committer: committer, choose: choices.side(for:))
        let named = Set(chosen.conflicts.map(\.key))
        guard choices.fields.keys.allSatisfy(named.contains), choices.others == nil || !chosen.conflicts.isEmpty else {
            throw notInConflict(id, choices, conflicts: chosen.conflicts)
        }
        let open = chosen.conflicts.filter { choices.side(for: $0) == nil }
        guard open.isEmpty else { throw repository.fieldConflictError(id, open) }
        let keptFromDraft = chosen.conflicts.filter { choices.side(for: $0) == .ours }
        var tip = chosen.tip
        if !keptFromDraft.isEmpty {
            // The edits replayed as the published content has them, then one edit that keeps the draft's values.
            let asPublished = try replay(draft, onto: published, committer: committer, choose: { _ in .theirs })
            tip = try commitDecision(keptFromDraft, tree: chosen.tree, onto: asPublished.tip, draft: id, as: person)
        }
        try checkAndMove(draft, to: tip)
        return DraftUpdate(
            draft: id, tip: Revision(tip), alreadyUpToDate: false,
            decided: chosen.conflicts.map {
                let side = choices.side(for: $0) ?? .theirs
                return .init(
                    field: $0.field.isEmpty ? $0.record : "\($0.record) · \($0.field)", key: $0.key,
                    took: side == .ours ? "draft" : "published", value: side == .ours ? $0.ours : $0.theirs)
            })
    }

    /// The draft's edits applied one by one on `published`, each merged by record and field
    /// with the content it lands on; every field conflict met is decided by `choose` (or, while
    /// looking, as published) and reported.
    private func replay(
        _ draft: Draft, onto published: ObjectID, committer: Signature, choose: (MergeConflict) -> MergeSide?
    ) throws -> (tip: ObjectID, tree: ObjectID, conflicts: [MergeConflict]) {
        var tip = published
        var tree = published
        var conflicts: [MergeConflict] = []
        for edit in draft.edits {
            try repository.withGit(draft: draft.id) { git in
                let original = try git.commit(edit.commit.id)
                let applied = try repository.applyByField(original, onto: tip, in: git, choose: { choose($0) ?? .theirs })
                conflicts += applied.field.resolvedConflicts
                guard let merged = applied.tree else { throw lineConflict(draft.id, edit, applied.conflictedPaths) }
                tree = merged
                tip = try git.createCommit(
                    tree: merged, parents: [tip], author: original.author, committer: committer, message: original.message)
            }
        }
        return (tip, tree, conflicts)
    }
}
