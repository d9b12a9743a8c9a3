import ClinicContent
internal import ClinicGit
import Foundation

extension Drafts {
    /// One edit on top of the replayed draft that gives the fields taken from the draft their draft values.
    func commitDecision(_ kept: [MergeConflict], tree: ObjectID, onto tip: ObjectID, draft: String, as person: Person) throws
        -> ObjectID
    {
        let names = kept.map { $0.field.isEmpty ? $0.record : "\($0.record) · \($0.field)" }
        let entries = Array(Set(kept.map { repository.entry(forPath: $0.path) })).sorted()
        // The summary says the value the draft keeps, so the draft's title reads as what it does.
        let summary =
            kept.count == 1
            ? "\(names[0]): keep this draft's \(kept[0].ours)"
            : "Keep this draft's \(names.joined(separator: ", ")) over the published values"
        let record = CommitRecord.edit(
            .init(
                summary: summary, change: "draft.take", entry: entries.joined(separator: " "),
                details: kept.map { "\($0.field.isEmpty ? $0.record : "\($0.record) · \($0.field)"): \($0.theirs) → \($0.ours)" }))
        let signature = repository.environment.signature(person)
        return try repository.withGit(draft: draft) { git in
            try git.createCommit(tree: tree, parents: [tip], author: signature, committer: signature, message: record.message)
        }
    }

    /// Validates the updated draft and moves it there, keeping the old tip under `previous/`.
    func checkAndMove(_ draft: Draft, to tip: ObjectID) throws {
        let id = draft.id
        let findings = try self.repository.findings(at: tip)
        guard findings.errors.isEmpty else {
            throw WorkflowError(
                .invalid, "draft \(id) re-applied on the published content would be invalid; nothing was changed",
                findings: findings.errors, draft: id)
        }
        try repository.withGit(draft: id, reference: repository.draftRef(id)) { git in
            let previous = ContentRepository.previousPrefix + id
            try git.updateReference(
                previous, to: draft.tip.id, expected: try git.referenceTarget(previous),
                logMessage: "clinicctl: keep draft \(id) before update")
            try git.updateReference(repository.draftRef(id), to: tip, expected: draft.tip.id, logMessage: "clinicctl: update draft \(id)")
        }
    }

    /// A file clinicctl does not read as records changed on both sides: no field to choose.
    func lineConflict(_ id: String, _ edit: Draft.Edit, _ paths: [String]) -> WorkflowError {
        let entries = Array(Set(paths.map(repository.entry(forPath:)))).sorted()
        return WorkflowError(
            .conflict,
            "draft \(id) cannot be brought up to date by itself: \"\(edit.summary)\" and the published content both changed \(entries.joined(separator: ", ")), "
                + "which clinicctl does not read field by field. Discard the draft and redo the edit on the current content, or ask the reviewer to reject it",
            draft: id, entry: entries.count == 1 ? entries[0] : nil)
    }

    /// A choice named a field that is not in conflict; nothing was changed.
    func notInConflict(_ id: String, _ choices: MergeChoices, conflicts: [MergeConflict]) -> WorkflowError {
        let open = Set(conflicts.map(\.key))
        let unknown = choices.fields.keys.filter { !open.contains($0) }.sorted()
        // The content merge words a choice of a field not in conflict; only "nothing to decide at all" is said here.
        let problem =
            unknown.isEmpty
            ? "no field of draft \(id) is in conflict"
            : "\(MergeResolutionError(notInConflict: unknown, inConflict: conflicts.map(\.key)))"
        return WorkflowError(.usage, "\(problem). Nothing was changed", draft: id)
    }
}
