import ClinicContent
internal import ClinicGit
import Foundation

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
    /// at all (another kind of reference, a name that is not a draft id, not a commit, or an
    /// older version's local mark of a reopening: a reference straight to the rejection).
    func check(reference: String, under base: String, commit: ObjectID) throws -> ClosingRecord? {
        let name = String(reference.dropFirst(base.count))
        guard let folder = Self.folders.first(where: { name.hasPrefix($0.key) }) else { return nil }
        let filed = String(name.dropFirst(folder.key.count))
        guard Formats.isSlug(filed), let info = try? repository.withGit({ try $0.commit(commit) }) else { return nil }
        var tip = info.parents.first ?? commit
        var reopens: Revision?
        if folder.value == .reopening {
            if case .rejection = CommitRecord(message: info.message) { return nil }
            if let parent = info.parents.first {
                reopens = Revision(parent)
                tip = (try? repository.withGit { try $0.commit(parent) })?.parents.first ?? parent
            }
        }
        var record = ClosingRecord(
            reference: reference, kind: folder.value, draft: filed, record: Revision(commit), tip: Revision(tip), reopens: reopens,
            madeAt: info.committer.time, closedBy: nil, writtenBy: Person(name: info.author.name, email: info.author.email),
            unverified: nil)
        record.unverified = try problem(of: &record, info)
        return record
    }

    /// The folders records are filed in under `refs/clinicctl/`, and the kind each holds.
    static let folders: [String: ClosingRecord.Kind] = ["rejected/": .rejection, "discarded/": .discard, "reopened/": .reopening]

    /// Why `record` does not count; nil when it does. Fills in who it names and its draft.
    private func problem(of record: inout ClosingRecord, _ info: CommitInfo) throws -> String? {
        guard info.parents.count == 1 else { return "it is not a record clinicctl writes (a record's one parent is the draft's tip)" }
        let named: Person
        let draft: String
        switch (record.kind, CommitRecord(message: info.message)) {
        case (.rejection, .rejection(let rejection)): (named, draft) = (rejection.rejectedBy, rejection.draft)
        case (.discard, .discard(let discard)): (named, draft) = (discard.discardedBy, discard.draft)
        case (.reopening, .reopening(let reopening)): (named, draft) = (reopening.reopenedBy, reopening.draft)
        default: return "it is not a \(record.kind.rawValue) record clinicctl writes"
        }
        record.closedBy = named
        let filedRight =
            switch record.kind {
            // Each rejection under a name of its own, so a draft rejected again is a new record (`<id>` alone: older versions).
            case .rejection: record.draft == draft || record.draft == draft + "-" + info.id.short
            case .discard: record.draft.hasPrefix(draft + "-")
            case .reopening: record.draft == draft + "-" + info.parents[0].short
            }
        guard filedRight else { return "it names draft \(draft) but is filed under \(record.reference)" }
        record.draft = draft
        if record.kind == .reopening {
            let rejection = try check(reference: "refs/clinicctl/rejected/\(draft)", under: "refs/clinicctl/", commit: info.parents[0])
            guard let rejection, rejection.verified else {
                return "it reopens \(info.parents[0].short), which is no rejection of draft \(draft) that counts"
            }
        }
        let committer = Person(name: info.committer.name, email: info.committer.email)
        guard record.writtenBy.isSame(as: named), committer.isSame(as: named) else {
            let maker = record.writtenBy.isSame(as: named) ? committer : record.writtenBy
            return "it names \(named) but was made by \(maker)"
        }
        guard let published else { return "there is no published branch to check it against" }
        let tip = record.tip.id
        let branch = repository.config.publishedBranch
        let floor = try repository.withGit { try $0.mergeBase(tip, published) }
        guard let (then, config) = try reviewers(at: info.committer.time, notBefore: floor) else {
            return "it is dated before anything was published on \(branch)"
        }
        let unlisted = "\(named) was not a reviewer in \(RepositoryConfig.fileName) on \(branch) when it was made (\(then.short))"
        if record.kind != .rejection {
            let authors = try repository.describeDraft(id: draft, tip: tip, published: published, state: .open).authors
            if authors.contains(where: { $0.isSame(as: named) }) { return nil }
            guard config.isReviewer(email: named.email) else { return "\(named) neither wrote draft \(draft) nor was a reviewer then" }
        }
        guard config.isReviewer(email: named.email) else { return unlisted }
        return try repository.signatures.signatureProblem(of: info.id, by: named, config: config)
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
