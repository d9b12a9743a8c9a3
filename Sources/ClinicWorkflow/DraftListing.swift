import ClinicContent
import ClinicGit
import Foundation

/// A reference under `drafts/` (or the rejected records) that is not listed as
/// a draft, and why: a name that is not a draft id (a look-alike with an
/// invisible character), or a reference that does not point at a commit.
public struct SkippedDraftReference: Hashable, Sendable, Codable {
    public var reference: String
    public var reason: String
}

extension ContentRepository {
    /// Open drafts, oldest first.
    public func drafts() throws -> [Draft] { try draftListing().drafts }

    /// Open drafts, oldest first, and the references under `drafts/` that are not
    /// drafts: one bad reference is reported and skipped, never fails the list.
    public func draftListing() throws -> (drafts: [Draft], skipped: [SkippedDraftReference]) {
        let published = try withGit { try $0.referenceTarget(publishedRef) }
        var drafts: [Draft] = []
        var skipped: [SkippedDraftReference] = []
        for ref in try withGit({ try $0.references(withPrefix: Self.draftPrefix) }) {
            let id = String(ref.name.dropFirst(Self.draftPrefix.count))
            guard Formats.isSlug(id) else {
                skipped.append(.init(reference: ref.name, reason: Self.notADraftID))
                continue
            }
            do {
                drafts.append(try describeDraft(id: id, tip: ref.target, published: published, state: .open))
            } catch let error as WorkflowError {
                skipped.append(.init(reference: ref.name, reason: "it cannot be read as a draft: \(error.message)"))
            }
        }
        return (drafts.sorted { ($0.created ?? .distantPast, $0.id) < ($1.created ?? .distantPast, $1.id) }, skipped)
    }

    static let notADraftID =
        "its name is not a draft id (lower-case letters, digits and single hyphens); it may imitate another draft"

    /// Drafts reviewers turned down, with their reasons, newest rejection first.
    /// Records that are not rejection commits, or whose names are not draft ids, are skipped.
    public func rejectedDrafts() throws -> [Draft] {
        let published = try withGit { try $0.referenceTarget(publishedRef) }
        var drafts: [Draft] = []
        for ref in try withGit({ try $0.references(withPrefix: Self.rejectedPrefix) }) {
            let id = String(ref.name.dropFirst(Self.rejectedPrefix.count))
            guard Formats.isSlug(id) else { continue }
            guard let record = try? withGit(reference: ref.name, { try $0.commit(ref.target) }) else { continue }
            let tip = record.parents.first ?? ref.target
            guard var draft = try? describeDraft(id: id, tip: tip, published: published, state: .rejected) else { continue }
            draft.rejection = Rejection.read(from: record)
            if let rejection = draft.rejection {
                draft.rejection?.verified = try isVerified(rejection, author: record.author)
            }
            drafts.append(draft)
        }
        return drafts.sorted { ($0.rejection?.time ?? .distantPast) > ($1.rejection?.time ?? .distantPast) }
    }

    /// A rejection counts when its commit's author is the reviewer it names and
    /// that person was a reviewer on the published branch when it was made.
    func isVerified(_ rejection: Rejection, author: Signature) throws -> Bool {
        guard author.email.caseInsensitiveCompare(rejection.reviewer.email) == .orderedSame else { return false }
        guard let tip = try withGit({ try $0.referenceTarget(publishedRef) }) else { return false }
        let then = try withGit { git in
            try git.firstParentLog(from: tip, limit: 1000).first { $0.committer.time <= author.time }?.id
        }
        guard let then else { return false }
        let reviewers = try withGit { try RepositoryConfig.load(from: GitRevisionSource(repository: $0, commit: then)).0 }
        return reviewers.isReviewer(email: author.email)
    }
}
