import ClinicContent
internal import ClinicGit
import Foundation

extension ContentRepository {
    /// An edit ready to commit: the files it writes, the changes it makes, the errors already there.
    struct PreparedEdit {
        var edit: ContentEdit
        var fileChanges: [FileChange]
        var changes: [EntryChange]
        var preexisting: [Finding]
    }

    /// The files an edit changes at `base`, after checking the result is valid.
    ///
    /// An edit costs what it changes: the content at `base` is read and validated once
    /// (through the record cache); only the records the edit changed are written out
    /// and compared; only the files it writes are read back (so what is written must
    /// read back as intended, or the result's validation says so), every other file's
    /// reading is kept; the rules over the whole content run again over the records in
    /// memory. `prepareReadingEverything` does it all the long way and gives the same.
    func prepare(_ makeEdit: (SiteContent) throws -> ContentEdit, at base: ObjectID) throws -> PreparedEdit {
        let (before, beforeFindings) = try validate(at: base)
        let edit = try makeEdit(before.content)
        var content = before.content
        try edit.apply(&content)
        let fileChanges = try self.fileChanges(from: before, to: content)
        guard !fileChanges.isEmpty else { throw Self.nothingToChange(edit) }
        let written = Dictionary(uniqueKeysWithValues: fileChanges.map { ($0.path, $0.data) })
        let source = revisionSource(at: base)
        let after: LoadedContent
        let afterFindings: [Finding]
        let changes: [EntryChange]
        if let reloaded = try withGit(revision: base.hex, { _ in try before.reloading(written, from: source) }) {
            after = reloaded
            afterFindings = Validator().validate(reloaded)
            changes = ContentDiff.changes(from: before, to: after, changedFiles: Set(written.keys))
        } else {
            // The changed files alone cannot tell (another default locale, a size limit): read it all.
            (after, afterFindings) = try withGit(revision: base.hex) { _ in
                try Validator().validate(OverlaySource(base: source, changes: written), layout: layout)
            }
            changes = ContentDiff.changes(from: before.content, to: after.content)
        }
        try Self.refuseNewErrors(edit, before: beforeFindings, after: afterFindings)
        return PreparedEdit(edit: edit, fileChanges: fileChanges, changes: changes, preexisting: afterFindings.errors)
    }

    /// Canonical files that differ between two versions; untouched records keep their bytes.
    func fileChanges(from before: LoadedContent, to content: SiteContent) throws -> [FileChange] {
        let (oldFiles, newFiles) = canonicalFiles(before.content, content)
        return try Self.fileChanges(oldFiles, newFiles, before: before)
    }

    /// The files whose text differs from `oldFiles` to `newFiles`, refusing to rewrite one that did not read cleanly.
    static func fileChanges(_ oldFiles: [String: String], _ newFiles: [String: String], before: LoadedContent) throws -> [FileChange] {
        var changes: [FileChange] = []
        let unreadable = Set(before.findings.errors.map(\.file))
        for path in Set(oldFiles.keys).union(newFiles.keys).sorted() where oldFiles[path] != newFiles[path] {
            if unreadable.contains(path) {
                throw WorkflowError(
                    .refused,
                    "\(path) has problems clinicctl cannot read safely, and this change would rewrite it; fix it first",
                    findings: before.findings.errors.filter { $0.file == path }, file: path, remedy: .validate)
            }
            if let text = newFiles[path] {
                changes.append(.write(path: path, contents: Data(text.utf8)))
            } else {
                changes.append(.delete(path: path))
            }
        }
        return changes
    }

    static func nothingToChange(_ edit: ContentEdit) -> WorkflowError {
        WorkflowError(.unchanged, "nothing to change: \(edit.entry) already is as asked", entry: edit.entry)
    }

    /// Refuses an edit that makes errors the content did not have before.
    static func refuseNewErrors(_ edit: ContentEdit, before: [Finding], after: [Finding]) throws {
        let known = Set(before.errors.map(FindingKey.init))
        let introduced = after.errors.filter { !known.contains(FindingKey($0)) }
        guard introduced.isEmpty else {
            throw WorkflowError(
                .invalid, "the change was not saved: it would make the content invalid", findings: introduced, entry: edit.entry)
        }
    }
}
