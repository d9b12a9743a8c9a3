import ClinicContent
internal import ClinicGit
import Foundation

/// A note on a draft (`clinicctl draft note`), kept under `refs/clinicctl/notes/<id>-<short>`:
/// a commit whose one parent is the draft's tip when it was written and whose message is the
/// note (`CommitRecord.note`), made by the person it names. Notes are only ever added: sync
/// sends and fetches them, the server refuses a note that is changed or deleted.
///
/// Anyone who can push can write such a reference, so a note counts (is shown as written by
/// the person it names) only when it is verified (`NoteRecordVerifier`):
/// - it is a record clinicctl writes, filed under its draft's id and its own commit's id;
/// - its author and committer are the person it names, who wrote part of the draft (at the
///   tip the note was written on) or is a reviewer in `clinicctl.yaml` on the published branch;
/// - a reviewer's note on someone else's draft is signed by a key listed for that reviewer
///   when `requireSignedApprovals: true` says so, and a signature that is there always holds.
///
/// The server also checks that a new note names a draft it has: its parent is a commit of one.
public struct DraftNote: Sendable, Hashable, Codable {
    /// The note's reference, e.g. `refs/clinicctl/notes/faq-x-1a2b3c4`.
    public var reference: String
    /// The draft it is about (its `Clinic-Note-For`).
    public var draft: String
    public var text: String
    /// Who the note says wrote it (its `Clinic-Note-By`).
    public var by: Person
    /// When it was written (its committer time).
    public var time: Date
    /// The commit that is the note.
    public var record: Revision
    /// The draft's tip it was written on: its parent.
    public var tip: Revision
    /// Whether the note counts; `unverified` says why not.
    public var verified: Bool
    public var unverified: String?

    /// The longest note: one line or a short paragraph.
    public static let maximumCharacters = 500
    public static let maximumLines = 5

    /// Why `text` (trimmed) cannot be a note; nil when it can.
    public static func problem(with text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "a note needs words: the text is empty" }
        if let scalar = Formats.controlCharacter(in: trimmed, multiline: true) {
            return "the note contains the invisible control character \(String(format: "U+%04X", scalar.value)); remove it"
        }
        if trimmed.count > maximumCharacters {
            return "a note is one line or a short paragraph: at most \(maximumCharacters) characters, and this one has \(trimmed.count)"
        }
        let lines = trimmed.split(separator: "\n", omittingEmptySubsequences: false).count
        if lines > maximumLines {
            return "a note is one line or a short paragraph: at most \(maximumLines) lines, and this one has \(lines)"
        }
        return nil
    }
}

extension ContentRepository {
    public static let notesPrefix = "refs/clinicctl/notes/"
}

extension Records {

    /// Every note kept here, oldest first, each checked; references under `notes/` that are
    /// no note clinicctl writes are left out.
    public func notes() throws -> [DraftNote] {
        let verifier = NoteRecordVerifier(repository)
        let notes = try repository.withGit { try $0.references(withPrefix: ContentRepository.notesPrefix) }.compactMap { ref in
            try verifier.check(reference: ref.name, under: "refs/clinicctl/", commit: ref.target)
        }
        return notes.sorted { ($0.time, $0.reference) < ($1.time, $1.reference) }
    }

    /// The notes kept here on draft `id`, oldest first.
    public func notes(for id: String) throws -> [DraftNote] { try notes().filter { $0.draft == id } }

    /// The note that `reference` (a full name under `refs/clinicctl/notes/`) holds at `commit`,
    /// checked as the server checks a new one, against the drafts here (on the server: its
    /// drafts); nil when it is no note clinicctl writes. The one reader of a single note, for
    /// whatever tells people about it (a server's notifier after a push).
    public func note(reference: String, commit: Revision) throws -> DraftNote? {
        try NoteRecordVerifier(
            repository,
            draftTips: { id in
                try self.repository.withGit { git in [try git.referenceTarget(self.repository.draftRef(id))] }.compactMap { $0 }
            }
        )
        .check(reference: reference, under: "refs/clinicctl/", commit: commit.id)
    }
}
