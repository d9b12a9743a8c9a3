import Foundation

/// What `sync` did, one line per published branch, draft or record it touched.
public struct SyncReport: Sendable, Codable, Equatable {
    /// One thing sync touched, and what became of it.
    public struct Line: Sendable, Codable, Equatable {
        public enum Outcome: String, Sendable, Codable {
            /// Sent to the server and accepted.
            case pushed
            /// Brought here from the server.
            case fetched
            /// Someone else added edits on the server; this copy now has them.
            case updated
            /// Both sides added edits; this side's were re-applied on top of the server's.
            case rebased
            /// Rewritten here (an edit undone or dropped, the draft reopened or updated) while the server
            /// kept what this copy last saw: sent in place of the server's draft.
            case rewritten
            /// Rewritten on the server by another computer while this copy kept what it last saw: this copy now has it.
            case rewrittenOnServer = "rewritten-on-server"
            /// Both sides added edits that conflict; this side's are kept under another draft id.
            case keptAsConflict = "kept-as-conflict"
            /// Approved or closed elsewhere; closed here too.
            case closed
            /// The server refused it; `detail` holds its reason.
            case refused
            /// Approved here while the server's published branch moved on: approved again on top of it and sent.
            case approvedAgain = "approved-again"
            /// Approved here while the server's published branch moved on, and it could not be approved again
            /// on top of it: the draft is open here; `detail` says why and the command that finishes it.
            case notApprovedAgain = "not-approved-again"
            /// The server's published branch moved by something that is not an approval that holds
            /// (a commit made with plain Git, a replaced history): this copy stays where it was;
            /// `detail` names the commit.
            case notFollowed = "not-followed"
            /// A record here that does not count (`ClosingRecord`, `DraftNote`): never sent; `detail` says why.
            case notSent = "not-sent"
            /// Someone else's note on a draft came from the server; `notice` holds who and what.
            case noteReceived = "note-received"
        }

        /// "main", "draft faq-x", "record rejected/faq-y".
        public var subject: String
        public var outcome: Outcome
        /// The server's reason, or the conflict draft's id.
        public var detail: String?
        /// What happened to the draft, for the person syncing: who approved or rejected it and why,
        /// a new draft waiting for their review, a change since they read it, a note.
        public var notice: Notice? = nil

        /// The line as a person reads it.
        public var text: String {
            switch outcome {
            case .pushed: "\(subject): pushed"
            case .fetched: "\(subject): fetched from the server" + (notice?.afterwords ?? "")
            case .updated: "\(subject): someone else added edits; your copy was updated" + (notice?.afterwords ?? "")
            case .rebased:
                "\(subject): edited on two computers; your edits were re-applied on top of the other ones" + (notice?.afterwords ?? "")
            case .rewritten:
                "\(subject): rewritten here\(detail.map { ", \($0)" } ?? ""); sent in place of the server's copy"
            case .rewrittenOnServer:
                "\(subject): rewritten on another computer (an edit undone or dropped, or brought up to date); your copy now matches it"
                    + (notice?.afterwords ?? "")
            case .keptAsConflict:
                "\(subject): edited on two computers and the edits conflict; your edits are kept as draft \(detail ?? "?"), review both"
            case .closed:
                "\(subject): closed on the server\(notice?.closing.map { ", \($0)" } ?? " (\(detail ?? "approved"))"); closed here too"
            case .refused: "\(subject): refused by the server: \(detail ?? "no reason given")"
            case .approvedAgain: "\(subject): approved here while the server moved on; approved again on the server's content and sent"
            case .notApprovedAgain: "\(subject): approved here while the server moved on, and not approved again: \(detail ?? "")"
            case .notFollowed: "\(subject): NOT FOLLOWED: \(detail ?? "the server's history does not hold")"
            case .notSent: "\(subject): not sent, it does not count (\(detail ?? "unverified"))"
            case .noteReceived: "\(subject): \(notice?.closing ?? "a note")"
            }
        }
    }

    public var remote: String
    public var lines: [Line]
    /// Whether the checkout of the published branch was moved to the server's tip.
    public var checkoutUpdated: Bool
    /// Whatever the server printed (its hooks' messages).
    public var serverMessages: [String]
    /// The server's words when its post-receive said its publish failed (`ServerPublishReport`), after
    /// this sync sent approvals; nil otherwise.
    public var serverPublishFailure: String? = nil

    /// True when the server refused something, or an approval made here is left to finish.
    public var hasRefusals: Bool {
        lines.contains { $0.outcome == .refused || $0.outcome == .notApprovedAgain || $0.outcome == .notFollowed }
    }
}
