import ClinicContent
internal import ClinicGit
import Foundation

/// The one rule for what counts as a note (`DraftNote`): for the listings, `review show`,
/// `inbox`, what `sync` sends, and the server's pre-receive check.
final class NoteRecordVerifier {
    private let repository: ContentRepository
    private let published: ObjectID?
    /// The tips draft `id` has where the note is checked (on the server, with those the push
    /// brings); nil when a note's draft is not looked for (reading what is already kept).
    private let draftTips: ((String) throws -> [ObjectID])?

    init(_ repository: ContentRepository, draftTips: ((String) throws -> [ObjectID])? = nil) {
        self.repository = repository
        self.draftTips = draftTips
        published = try? repository.withGit { try $0.referenceTarget(repository.publishedRef) }
    }

    /// The note at `reference` (under `base`: `refs/clinicctl/` here, or where the server's
    /// records are remembered), checked; nil when it is no note clinicctl writes at all (not
    /// under `notes/`, not a commit, not a note's message).
    func check(reference: String, under base: String, commit: ObjectID) throws -> DraftNote? {
        let name = String(reference.dropFirst(base.count))
        guard reference.hasPrefix(base), name.hasPrefix("notes/"),
            let info = try? repository.withGit({ try $0.commit(commit) }),
            case .note(let written) = CommitRecord(message: info.message)
        else { return nil }
        var note = DraftNote(
            reference: reference, draft: written.draft, text: written.text, by: written.by, time: info.committer.time,
            record: Revision(commit), tip: Revision(info.parents.first ?? commit), verified: false, unverified: nil)
        note.unverified = try problem(of: note, filed: String(name.dropFirst("notes/".count)), info)
        note.verified = note.unverified == nil
        return note
    }

    /// Why `note` does not count; nil when it does.
    private func problem(of note: DraftNote, filed: String, _ info: CommitInfo) throws -> String? {
        guard info.parents.count == 1 else { return "it is not a note clinicctl writes (a note's one parent is the draft's tip)" }
        let suffix = filed.hasPrefix(note.draft + "-") ? String(filed.dropFirst(note.draft.count + 1)) : ""
        guard Formats.isSlug(note.draft), suffix.count >= 7, info.id.hex.hasPrefix(suffix) else {
            return "it names draft \(note.draft) but is filed under \(note.reference) (a note is filed as <draft>-<its own short id>)"
        }
        let named = note.by
        let author = Person(name: info.author.name, email: info.author.email)
        let committer = Person(name: info.committer.name, email: info.committer.email)
        guard author.isSame(as: named), committer.isSame(as: named) else {
            return "it names \(named) but was made by \(author.isSame(as: named) ? committer : author)"
        }
        let parent = info.parents[0]
        if let draftTips {
            let tips = try draftTips(note.draft)
            let onDraft = try tips.contains { tip in try repository.withGit { try $0.isAncestor(parent, of: tip) } }
            guard onDraft else {
                return tips.isEmpty
                    ? "it names draft \(note.draft), which does not exist here"
                    : "it was written on \(parent.short), which is no commit of draft \(note.draft)"
            }
        }
        let authors = try repository.describeDraft(id: note.draft, tip: parent, published: published, state: .open).authors
        if authors.contains(where: { $0.isSame(as: named) }) { return nil }
        let config = repository.config
        guard config.isReviewer(email: named.email) else {
            return
                "\(named) neither wrote draft \(note.draft) nor is a reviewer in \(RepositoryConfig.fileName) on \(config.publishedBranch)"
        }
        return try repository.signatures.signatureProblem(of: info.id, by: named, config: config)
    }
}
