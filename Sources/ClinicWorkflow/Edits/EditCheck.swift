import ClinicContent
internal import ClinicGit
import Foundation

extension ContentRepository {
    /// Checks, writing nothing, what can be checked about an edit before the
    /// person spends time on it (in an editor): the draft it goes to (or the
    /// name of the new one), and that the edit applies to the content there:
    /// the location, the entry, the ids. Returns that content. Text still to
    /// be written is stood in for by a placeholder in `makeEdit`, so what the
    /// text itself says is checked only when the edit is committed.
    public func checkEdit(
        to draftID: String?, draftName: String?, as person: Person, _ makeEdit: (SiteContent) throws -> ContentEdit
    ) throws -> SiteContent {
        let base: ObjectID
        if let draftID {
            base = try draft(draftID).tip.id
        } else {
            base = try publishedTip()
        }
        let content = try load(at: base).content
        let edit = try makeEdit(content)
        if draftID == nil { _ = try drafts.newDraftID(from: edit.draftHint, as: person, named: draftName) }
        var changed = content
        try edit.apply(&changed)
        return content
    }

    /// Keeps text a person wrote whose edit could not be saved, in
    /// `<git dir>/clinicctl/unsaved/`, and returns where; nil when even that failed.
    public func keepUnsavedText(_ text: String, name: String) -> URL? {
        let folder = gitDirectory.appendingPathComponent("clinicctl/unsaved", isDirectory: true)
        let stamp = ISO8601DateFormatter().string(from: environment.now()).replacingOccurrences(of: ":", with: "")
        let file = folder.appendingPathComponent("\(name)-\(stamp).md")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
            return file
        } catch {
            return nil
        }
    }
}
