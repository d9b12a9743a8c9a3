import ClinicContent
internal import ClinicGit
import Foundation

/// What became of one edit of a draft that `draft update` made again on the published content.
public struct ReplayedEdit: Sendable, Codable, Hashable {
    public enum Outcome: String, Sendable, Codable {
        /// Made again on the published content, validated, and kept.
        case reapplied = "re-applied"
        /// The published content already is as the edit asks: nothing left to change, so no commit.
        case alreadyThere = "already there"
        /// It cannot be made on the published content (its entry is gone, the result would be invalid): left out.
        case noLongerApplies = "no longer applies"
    }

    /// 1 for the draft's first edit.
    public var number: Int
    public var summary: String
    public var outcome: Outcome
    /// Why, for an edit left out or already there.
    public var reason: String?
}

extension Drafts {
    /// Each edit's operation, in order; nil when any commit of the draft has none (made by
    /// an older clinicctl, with `git`, a revert, a decision) or sits off the first-parent
    /// line (a draft merged from two computers): that draft is merged by field instead.
    func operations(of draft: Draft) throws -> [EditOperation]? {
        guard Set(draft.contributions.map(\.commit)) == Set(draft.edits.map(\.commit)) else { return nil }
        return try repository.withGit(draft: draft.id) { git in
            var operations: [EditOperation] = []
            for edit in draft.edits {
                guard case .edit(let record)? = CommitRecord(message: try git.commit(edit.commit.id).message),
                    let operation = record.operation
                else { return nil }
                operations.append(operation)
            }
            return operations
        }
    }

    /// Makes the draft's edits again, in order, on `published`: each is made from its
    /// operation on the content the previous ones left, and validated as a new edit is
    /// (`prepare`). One that no longer applies is left out and said why; one whose change
    /// is already published is skipped. The draft moves to the result (its old tip kept
    /// under `previous/`) only when at least one edit was made again; otherwise nothing changes.
    func replayOperations(
        _ draft: Draft, _ operations: [EditOperation], onto published: ObjectID, as person: Person
    ) throws -> DraftUpdate {
        let committer = repository.environment.signature(person)
        let sign = try repository.signatures.draftSigner()
        var tip = published
        var report: [ReplayedEdit] = []
        for (index, (edit, operation)) in zip(draft.edits, operations).enumerated() {
            var outcome = ReplayedEdit(number: index + 1, summary: edit.summary, outcome: .reapplied)
            do {
                let prepared = try repository.prepare({ try ContentEdit(operation: operation, in: $0) }, at: tip)
                let record = CommitRecord.edit(
                    .init(
                        summary: edit.summary, change: operation.kind, entry: prepared.edit.entry,
                        details: CommitRecord.describe(prepared.changes), operation: operation))
                tip = try repository.withGit(draft: draft.id) { git in
                    let original = try git.commit(edit.commit.id)
                    let tree = try git.treeWithChanges(base: tip, changes: prepared.fileChanges)
                    return try git.createCommit(
                        tree: tree, parents: [tip], author: original.author, committer: committer, message: record.message, sign: sign)
                }
            } catch let error as WorkflowError where error.code == .unchanged {
                outcome.outcome = .alreadyThere
                outcome.reason = error.message
            } catch let error as WorkflowError where [.notFound, .refused, .invalid, .usage].contains(error.code) {
                outcome.outcome = .noLongerApplies
                outcome.reason = ([error.message] + error.findings.map(\.message)).joined(separator: ": ")
            }
            report.append(outcome)
        }
        guard report.contains(where: { $0.outcome == .reapplied }) else {
            let lines = report.map { "  \($0.number). \($0.summary): \($0.outcome.rawValue) (\($0.reason ?? ""))" }
            throw WorkflowError(
                .conflict,
                "none of draft \(draft.id)'s edits can be made again on the published content:\n\(lines.joined(separator: "\n"))\n"
                    + "Nothing was changed; discard the draft if it is no longer needed", draft: draft.id)
        }
        try checkAndMove(draft, to: tip)
        return DraftUpdate(draft: draft.id, tip: Revision(tip), alreadyUpToDate: false, replayed: report)
    }
}
