import ClinicContent
internal import ClinicGit
import Foundation

/// A commit clinicctl writes, as data: the one place where its commit messages
/// are written and read back, so the vocabulary (summary lines, headings and
/// trailer keys) cannot drift between a writer and a reader.
///
/// A message is a summary line, a blank line, the body when there is one, a
/// blank line and the trailer block (`Key: value` lines, as
/// `git interpret-trailers --parse` reads them).
///
/// Free text that reaches a message (a `--message`, a rejection reason or an
/// approval note, a person's name, a field's value) can never add a summary
/// line or a trailer:
/// - the summary, each trailer value and each list item are one line: line
///   breaks become spaces. A summary that begins with `---`, which Git and
///   libgit2 read as the end of the message, is written after one space
///   (readers trim it, so it reads back the same);
/// - every body line that carries data is indented by two spaces, so none can
///   begin a `Key: value` trailer, a `---` divider or a `#` comment, whatever
///   it says; only the record's own headings start at the margin, and none of
///   them is trailer-shaped. Reading removes the two spaces, so a reason reads
///   back as it was written;
/// - in a trailer naming a person, `<` and `>` are left out of the name and
///   address, so the value stays one `Name <email>`.
/// - an edit's operation (`Clinic-Operation`) holds its text only as base64url
///   of canonical JSON (see `EditOperation`): letters, digits, `-` and `_`.
public enum CommitRecord: Hashable, Sendable {
    /// The first commit of a content repository.
    case creation
    /// One edit on a draft.
    case edit(Edit)
    /// A draft edit that undoes a published change.
    case revert(Revert)
    /// The merge that publishes a draft.
    case approval(Approval)
    /// A reviewer turned a draft down.
    case rejection(Rejection)
    /// The author (or a reviewer) withdrew a draft.
    case discard(Discard)
    /// A rejected draft opened again: the record's parent is the rejection it answers.
    case reopening(Reopening)
    /// A note on a draft by its author or a reviewer, kept beside it (`refs/clinicctl/notes/`).
    case note(Note)

    public struct Edit: Hashable, Sendable {
        /// The summary line: the edit's own (`FAQ: add "…"`) or the author's `--message`.
        public var summary: String
        /// `faq.add`, `hours.set`: the `Clinic-Change` trailer.
        public var change: String
        /// `faq/do-you-take-insurance`: the `Clinic-Entry` trailer.
        public var entry: String
        /// The field-level changes as people read them (see `CommitRecord.describe`).
        public var details: [String]
        /// The edit as data, to make it again: the `Clinic-Operation` trailer (see `EditOperation`).
        public var operation: EditOperation?
        public init(summary: String, change: String, entry: String, details: [String], operation: EditOperation? = nil) {
            self.summary = summary
            self.change = change
            self.entry = entry
            self.details = details
            self.operation = operation
        }
    }

    public struct Revert: Hashable, Sendable {
        /// The summary of the published change being undone.
        public var revertedSummary: String
        /// The published commit being undone: the `Reverts` trailer.
        public var reverted: Revision
        public var details: [String]
        public init(revertedSummary: String, reverted: Revision, details: [String]) {
            self.revertedSummary = revertedSummary
            self.reverted = reverted
            self.details = details
        }
    }

    public struct Approval: Hashable, Sendable {
        public var draft: String
        /// The draft's first edit summary, shown in the summary line.
        public var title: String
        /// What the reviewer added when approving (`--message`), if anything.
        public var note: String?
        /// One line per edit of the draft: `summary (author)`.
        public var edits: [String]
        public var approvedBy: Person
        /// The draft's tip when it was approved.
        public var approvedCommit: Revision
        /// What the reviewer accepted beyond content (hooks, settings, other files):
        /// the `Clinic-Accepted` trailer, absent when nothing was.
        public var accepted: [Acceptance]
        /// Set when the reviewer approved a revert they opened themselves: the
        /// approved change it undoes (the `Approved-own-revert` trailer). Allowed
        /// only for a pure revert, which restores content approved once already.
        public var ownRevertOf: Revision?
        public init(
            draft: String, title: String, note: String?, edits: [String], approvedBy: Person, approvedCommit: Revision,
            accepted: [Acceptance] = [], ownRevertOf: Revision? = nil
        ) {
            self.draft = draft
            self.title = title
            self.note = note
            self.edits = edits
            self.approvedBy = approvedBy
            self.approvedCommit = approvedCommit
            self.accepted = accepted
            self.ownRevertOf = ownRevertOf
        }
    }

    public struct Rejection: Hashable, Sendable {
        public var draft: String
        /// Why, for the draft's author: the body of the record.
        public var reason: String
        public var rejectedBy: Person
        public init(draft: String, reason: String, rejectedBy: Person) {
            self.draft = draft
            self.reason = reason
            self.rejectedBy = rejectedBy
        }
    }

    public struct Discard: Hashable, Sendable {
        public var draft: String
        public var discardedBy: Person
        public init(draft: String, discardedBy: Person) {
            self.draft = draft
            self.discardedBy = discardedBy
        }
    }

    public struct Reopening: Hashable, Sendable {
        public var draft: String
        public var reopenedBy: Person
        public init(draft: String, reopenedBy: Person) {
            self.draft = draft
            self.reopenedBy = reopenedBy
        }
    }

    public struct Note: Hashable, Sendable {
        public var draft: String
        /// What the note says: one line or a short paragraph (`DraftNote.check`).
        public var text: String
        public var by: Person
        public init(draft: String, text: String, by: Person) {
            self.draft = draft
            self.text = text
            self.by = by
        }
    }

    /// The trailer keys clinicctl writes and reads; nowhere else spells them.
    enum Key {
        static let change = "Clinic-Change"
        static let entry = "Clinic-Entry"
        static let operation = "Clinic-Operation"
        static let reverts = "Reverts"
        static let approvedBy = "Approved-by"
        static let approvedCommit = "Approved-commit"
        static let approvedOwnRevert = "Approved-own-revert"
        static let rejectedBy = "Rejected-by"
        static let discardedBy = "Discarded-by"
        static let reopenedBy = "Reopened-by"
        static let draft = "Draft"
        static let accepted = "Clinic-Accepted"
        static let noteFor = "Clinic-Note-For"
        static let noteBy = "Clinic-Note-By"
    }

    static let creationSummary = "Start the clinic's content repository"
    static let editsHeading = "Edits in this draft:"
    /// The heading approvals had before it was made impossible to read as a trailer.
    static let oldEditsHeading = "Edits:"
    static let indent = "  "
}
