import ClinicContent
internal import ClinicGit
import Foundation

/// A rejection, discard or reopening record found under `refs/clinicctl/`, and whether it counts.
///
/// Anyone who can push can write such a reference, with any name, author and date, so a
/// record counts (closes its draft, here, on the server and in every copy; is shown as a
/// rejection) only when it is verified:
/// - it is a record clinicctl writes: one parent (the draft's tip), the message of a
///   rejection (under `rejected/<id>-<record>`, or `rejected/<id>` as older versions filed
///   it) or a discard (under `discarded/<id>-...`) of that draft; a reopening's one parent
///   is instead the rejection it answers, a rejection that counts, and it is filed under
///   `reopened/<id>-<rejection>`;
/// - its author and committer are the person it names;
/// - that person, when it was made, may close the draft: for a rejection, a reviewer in
///   `clinicctl.yaml` on the published branch; for a discard or a reopening, one of the
///   draft's authors, or such a reviewer. "When it was made" is the published commit of the record's date, but
///   never one older than where the draft left the published branch: a date is the writer's
///   to choose, and a record cannot close a draft before the draft existed;
/// - a reviewer's record is signed by a key listed for that reviewer there when
///   `requireSignedApprovals: true` says so, and a signature that is there always holds.
///
/// Everything that reads a record goes through this one rule: the listings, `review show`,
/// `status`, `sync`, and the server's pre-receive check.
public struct ClosingRecord: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case rejection, discard, reopening }

    /// The record's reference, e.g. `refs/clinicctl/rejected/<id>`.
    public var reference: String
    public var kind: Kind
    /// The draft it is filed under.
    public var draft: String
    /// The commit that is the record.
    public var record: Revision
    /// The draft tip it closes (a reopening: opens again): the record's parent, a reopening's grandparent.
    public var tip: Revision
    /// For a reopening: the rejection record it answers.
    public var reopens: Revision? = nil
    /// When it says it was made (its committer date, the writer's to choose).
    public var madeAt: Date
    /// Who the record says closed the draft; nil when it is no record clinicctl writes.
    public var closedBy: Person?
    /// Who made the commit (its author), whatever it says.
    public var writtenBy: Person
    /// Why it does not count, in words; nil when it is verified.
    public var unverified: String?

    public var verified: Bool { unverified == nil }

    /// `rejection of draft faq-x`, for messages.
    public var title: String { "\(kind.rawValue) of draft \(draft)" }
}

extension Records {
    /// Every closing record kept here (`refs/clinicctl/rejected/`, `discarded/`), each checked.
    public func closingRecords() throws -> [ClosingRecord] {
        let verifier = ClosingRecordVerifier(repository)
        return try ContentRepository.sharedRecordPrefixes.flatMap { prefix in
            try repository.withGit { try $0.references(withPrefix: "refs/clinicctl/" + prefix) }.compactMap { ref in
                try verifier.check(reference: ref.name, under: "refs/clinicctl/", commit: ref.target)
            }
        }
    }

    /// The records here that do not count, and why; nothing they claim is done.
    public func unverifiedRecords() throws -> [ClosingRecord] { try closingRecords().filter { !$0.verified } }
}
