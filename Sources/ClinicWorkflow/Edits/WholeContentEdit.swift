import ClinicContent
internal import ClinicGit
import Foundation

extension ContentRepository {
    /// What `prepare` gives, worked out the long way: both versions read and validated
    /// whole, every canonical file of both written out, every record compared. The
    /// measure `prepare`'s shortcuts are tested against.
    func prepareReadingEverything(_ makeEdit: (SiteContent) throws -> ContentEdit, at base: ObjectID) throws -> PreparedEdit {
        let source = try withGit { GitRevisionSource(repository: $0, commit: base, records: recordCache) }
        let (before, beforeFindings) = try withGit(revision: base.hex) { _ in try Validator().validate(source, layout: layout) }
        let edit = try makeEdit(before.content)
        var content = before.content
        try edit.apply(&content)
        let fileChanges = try Self.fileChanges(
            CanonicalWriter(layout: layout, defaultLocale: before.content.clinic.defaultLocale).files(for: before.content),
            CanonicalWriter(layout: layout, defaultLocale: content.clinic.defaultLocale).files(for: content), before: before)
        guard !fileChanges.isEmpty else { throw Self.nothingToChange(edit) }
        let overlay = OverlaySource(base: source, changes: Dictionary(uniqueKeysWithValues: fileChanges.map { ($0.path, $0.data) }))
        let (after, afterFindings) = try withGit(revision: base.hex) { _ in try Validator().validate(overlay, layout: layout) }
        try Self.refuseNewErrors(edit, before: beforeFindings, after: afterFindings)
        return PreparedEdit(
            edit: edit, fileChanges: fileChanges, changes: ContentDiff.changes(from: before.content, to: after.content),
            preexisting: afterFindings.errors)
    }
}
