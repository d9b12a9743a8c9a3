import Foundation

extension SyncReport {
    /// What happened to a draft, told to the person syncing: the facts behind the words of
    /// its line (`approved by Rita Reviewer`, `rejected by Rita Reviewer: "Keep the company
    /// page"`, `new draft from Olivia Office waits for your review`, `changed since you read it`).
    public struct Notice: Sendable, Codable, Equatable {
        public enum Kind: String, Sendable, Codable {
            /// Closed by an approval on the published branch; `by` approved it.
            case approved
            /// Closed by a rejection record that counts; `by` rejected it, `reason` says why.
            case rejected
            /// Closed by a discard record that counts; `by` withdrew it.
            case discarded
            /// A draft new here, by someone else, that the person syncing may approve; `by` opened it.
            case waitsForReview = "waits-for-review"
            /// The draft moved on since the person syncing was shown `shownTip` in `review show`.
            case changedSinceRead = "changed-since-read"
            /// `by` left a note on the draft (`note`).
            case note
        }

        public var kind: Kind
        public var draft: String
        /// Who approved, rejected, discarded, opened the draft or wrote the note.
        public var by: Person?
        /// A rejection's reason.
        public var reason: String?
        /// A note's text.
        public var note: String?
        /// The tip `review show` last showed the person syncing, for `changedSinceRead`.
        public var shownTip: Revision?
        /// The draft's tip now here (the one approved, rejected or discarded, for a closed draft).
        public var tip: Revision?

        public init(
            kind: Kind, draft: String, by: Person? = nil, reason: String? = nil, note: String? = nil, shownTip: Revision? = nil,
            tip: Revision? = nil
        ) {
            self.kind = kind
            self.draft = draft
            self.by = by
            self.reason = reason
            self.note = note
            self.shownTip = shownTip
            self.tip = tip
        }

        /// How the draft was closed, or the note, in words: `approved by Rita Reviewer`.
        public var closing: String? {
            let name = by?.name ?? "someone"
            switch kind {
            case .approved: return "approved by \(name)"
            case .rejected: return "rejected by \(name): \(Self.quoted(reason ?? ""))"
            case .discarded: return "discarded by \(name)"
            case .note: return "note from \(name): \(Self.quoted(note ?? ""))"
            case .waitsForReview, .changedSinceRead: return nil
            }
        }

        /// What follows what sync did, for a draft that waits for review or changed since it was read.
        public var afterwords: String {
            switch kind {
            case .waitsForReview: "; new draft from \(by?.name ?? "someone") waits for your review: `clinicctl review show \(draft)`"
            case .changedSinceRead: "; changed since you read it: read it again with `clinicctl review show \(draft)`"
            default: closing.map { "; \($0)" } ?? ""
            }
        }

        /// Free text on one line, in quotes.
        static func quoted(_ text: String) -> String {
            "\"" + text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") + "\""
        }
    }
}
