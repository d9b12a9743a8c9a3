import ClinicContent
internal import ClinicGit
import Foundation

/// A rejection or discard record found under `refs/clinicctl/`, and whether it counts.
///
/// Anyone who can push can write such a reference, with any name, author and date, so a
/// record counts (closes its draft, here, on the server and in every copy; is shown as a
/// rejection) only when it is verified:
/// - it is a record clinicctl writes: one parent (the draft's tip), the message of a
///   rejection (under `rejected/<id>`) or a discard (under `discarded/<id>-...`) of that draft;
/// - its author and committer are the person it names;
/// - that person, when it was made, may close the draft: for a rejection, a reviewer in
///   `clinicctl.yaml` on the published branch; for a discard, one of the draft's authors, or
///   such a reviewer. "When it was made" is the published commit of the record's date, but
///   never one older than where the draft left the published branch: a date is the writer's
///   to choose, and a record cannot close a draft before the draft existed;
/// - a reviewer's record is signed by a key listed for that reviewer there when
///   `requireSignedApprovals: true` says so, and a signature that is there always holds.
///
/// Everything that reads a record goes through this one rule: the listings, `review show`,
/// `status`, `sync`, and the server's pre-receive check.
public struct ClosingRecord: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case rejection, discard }

    /// The record's reference, e.g. `refs/clinicctl/rejected/<id>`.
    public var reference: String
    public var kind: Kind
    /// The draft it is filed under.
    public var draft: String
    /// The commit that is the record.
    public var record: Revision
    /// The draft tip it closes: the record's parent.
    public var tip: Revision
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

extension ContentRepository {
    /// Every closing record kept here (`refs/clinicctl/rejected/`, `discarded/`), each checked.
    public func closingRecords() throws -> [ClosingRecord] {
        let verifier = ClosingRecordVerifier(self)
        return try Self.sharedRecordPrefixes.flatMap { prefix in
            try withGit { try $0.references(withPrefix: "refs/clinicctl/" + prefix) }.compactMap { ref in
                try verifier.check(reference: ref.name, under: "refs/clinicctl/", commit: ref.target)
            }
        }
    }

    /// The records here that do not count, and why; nothing they claim is done.
    public func unverifiedRecords() throws -> [ClosingRecord] { try closingRecords().filter { !$0.verified } }
}

/// Checks closing records against the published history, read once for all of them.
final class ClosingRecordVerifier {
    private let repository: ContentRepository
    private let published: ObjectID?
    /// The published branch's first-parent commits, newest first, read only as far as needed.
    private var mainline: [CommitInfo] = []
    private var configs: [ObjectID: RepositoryConfig] = [:]

    init(_ repository: ContentRepository) {
        self.repository = repository
        published = try? repository.withGit { try $0.referenceTarget(repository.publishedRef) }
    }

    /// The record at `reference` (under `base`, which is `refs/clinicctl/` here or where the
    /// server's records are remembered), checked; nil when the reference is no closing record
    /// at all (another kind of reference, a name that is not a draft id, not a commit).
    func check(reference: String, under base: String, commit: ObjectID) throws -> ClosingRecord? {
        let name = String(reference.dropFirst(base.count))
        let kind: ClosingRecord.Kind
        let filed: String
        if name.hasPrefix("rejected/") {
            (kind, filed) = (.rejection, String(name.dropFirst("rejected/".count)))
        } else if name.hasPrefix("discarded/") {
            (kind, filed) = (.discard, String(name.dropFirst("discarded/".count)))
        } else {
            return nil
        }
        guard Formats.isSlug(filed), let info = try? repository.withGit({ try $0.commit(commit) }) else { return nil }
        let writer = Person(name: info.author.name, email: info.author.email)
        var record = ClosingRecord(
            reference: reference, kind: kind, draft: filed, record: Revision(commit), tip: Revision(info.parents.first ?? commit),
            closedBy: nil, writtenBy: writer, unverified: nil)
        record.unverified = try problem(of: &record, info)
        return record
    }

    /// Why `record` does not count; nil when it does. Fills in who it names and its draft.
    private func problem(of record: inout ClosingRecord, _ info: CommitInfo) throws -> String? {
        guard info.parents.count == 1 else { return "it is not a record clinicctl writes (a record's one parent is the draft's tip)" }
        let named: Person
        let draft: String
        switch (record.kind, CommitRecord(message: info.message)) {
        case (.rejection, .rejection(let rejection)): (named, draft) = (rejection.rejectedBy, rejection.draft)
        case (.discard, .discard(let discard)): (named, draft) = (discard.discardedBy, discard.draft)
        default: return "it is not a \(record.kind.rawValue) record clinicctl writes"
        }
        record.closedBy = named
        let filedRight = record.kind == .rejection ? record.draft == draft : record.draft.hasPrefix(draft + "-")
        guard filedRight else { return "it names draft \(draft) but is filed under \(record.reference)" }
        if record.kind == .discard { record.draft = draft }
        let committer = Person(name: info.committer.name, email: info.committer.email)
        guard record.writtenBy.isSame(as: named), committer.isSame(as: named) else {
            let maker = record.writtenBy.isSame(as: named) ? committer : record.writtenBy
            return "it names \(named) but was made by \(maker)"
        }
        guard let published else { return "there is no published branch to check it against" }
        let tip = info.parents[0]
        let branch = repository.config.publishedBranch
        let floor = try repository.withGit { try $0.mergeBase(tip, published) }
        guard let (then, config) = try reviewers(at: info.committer.time, notBefore: floor) else {
            return "it is dated before anything was published on \(branch)"
        }
        let unlisted = "\(named) was not a reviewer in \(RepositoryConfig.fileName) on \(branch) when it was made (\(then.short))"
        if record.kind == .discard {
            let authors = try repository.describeDraft(id: draft, tip: tip, published: published, state: .open).authors
            if authors.contains(where: { $0.isSame(as: named) }) { return nil }
            guard config.isReviewer(email: named.email) else { return "\(named) neither wrote draft \(draft) nor was a reviewer then" }
        }
        guard config.isReviewer(email: named.email) else { return unlisted }
        return try repository.signatureProblem(of: info.id, by: named, config: config)
    }

    /// The published commit in force at `time`, never older than `floor` (where the draft left
    /// the published branch), and the settings there.
    private func reviewers(at time: Date, notBefore floor: ObjectID?) throws -> (ObjectID, RepositoryConfig)? {
        var then = try mainlineCommit(at: time)
        if let floor {
            // Dated before the draft began (or before anything was published): the draft's start counts.
            let included = try then.map { candidate in try repository.withGit { try $0.isAncestor(floor, of: candidate) } } ?? false
            if !included { then = floor }
        }
        guard let then else { return nil }
        if let known = configs[then] { return (then, known) }
        let config = try repository.withGit { try RepositoryConfig.load(from: GitRevisionSource(repository: $0, commit: then)).0 }
        configs[then] = config
        return (then, config)
    }

    /// The newest first-parent commit of the published branch made at or before `time`.
    private func mainlineCommit(at time: Date) throws -> ObjectID? {
        if let found = mainline.first(where: { $0.committer.time <= time }) { return found.id }
        var next = mainline.last.map(\.parents.first) ?? published
        while let id = next {
            let commit = try repository.withGit { try $0.commit(id) }
            mainline.append(commit)
            if commit.committer.time <= time { return commit.id }
            next = commit.parents.first
        }
        return nil
    }
}
