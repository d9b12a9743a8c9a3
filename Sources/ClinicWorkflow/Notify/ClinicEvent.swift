import Foundation

/// Something that happened on the shared server that people may want to hear about:
/// a draft sent or changed, an approval, a rejection, a note, a deployment.
///
/// The server's `post-receive` makes one for each thing a push did (`PushEvents`) and one
/// when the publish after it deployed, and hands each to the notifiers in `hooks/notify.d/`
/// as a JSON document (hooks/README.md). The time is the server's clock when it saw the
/// push (`WorkEnvironment.now`), not a date any commit claims.
public struct ClinicEvent: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A new draft reached the server (`refs/heads/drafts/<id>` was made).
        case draftPushed
        /// An open draft on the server moved: edits added, updated or rewritten.
        case draftChanged
        /// A reviewer's approval moved the published branch.
        case approved
        /// A reviewer turned a draft down, with a reason.
        case rejected
        /// Someone left a note on a draft.
        case note
        /// The publish after the push deployed a revision.
        case deployed
    }

    /// What happened; `event` in the JSON, as in the deploy hooks' event.
    public var kind: Kind
    /// The draft it is about; nil for a deployment.
    public var draft: String?
    /// The draft's title (what it does now), or the approval's.
    public var title: String?
    /// Who did it: the author of the draft's newest commit, the reviewer, the note's writer.
    public var by: Person?
    /// Why a draft was rejected.
    public var reason: String?
    /// A note's text, or what the reviewer wrote when approving.
    public var note: String?
    /// The commit the event is about: the draft's tip, the approval, the rejection record,
    /// the note's record, the deployed revision.
    public var revision: Revision
    /// Where it was before: the draft's old tip, the revision deployed before; nil when none.
    public var previousRevision: Revision?
    /// When the server saw it.
    public var time: Date

    public init(
        kind: Kind, draft: String? = nil, title: String? = nil, by: Person? = nil, reason: String? = nil, note: String? = nil,
        revision: Revision, previousRevision: Revision? = nil, time: Date
    ) {
        self.kind = kind
        self.draft = draft
        self.title = title
        self.by = by
        self.reason = reason
        self.note = note
        self.revision = revision
        self.previousRevision = previousRevision
        self.time = time
    }

    enum CodingKeys: String, CodingKey {
        case kind = "event"
        case draft, title, by, reason, note, revision, previousRevision, time
    }

    /// Every key is written, `null` when it has no value, so a notifier reads one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(draft, forKey: .draft)
        try container.encode(title, forKey: .title)
        try container.encode(by, forKey: .by)
        try container.encode(reason, forKey: .reason)
        try container.encode(note, forKey: .note)
        try container.encode(revision, forKey: .revision)
        try container.encode(previousRevision, forKey: .previousRevision)
        try container.encode(time, forKey: .time)
    }
}
