import ClinicContent
internal import ClinicGit
import Foundation

/// A reference under `drafts/` (or the rejected records) that is not listed as
/// a draft, and why: a name that is not a draft id (a look-alike with an
/// invisible character), or a reference that does not point at a commit.
public struct SkippedDraftReference: Hashable, Sendable, Codable {
    public var reference: String
    public var reason: String
}

extension ContentRepository {

    static let notADraftID =
        "its name is not a draft id (lower-case letters, digits and single hyphens); it may imitate another draft"
}

extension Drafts {
    /// Open drafts, oldest first.
    public func list() throws -> [Draft] { try draftListing().drafts }

    /// Open drafts, oldest first, and the references under `drafts/` that are not
    /// drafts: one bad reference is reported and skipped, never fails the list.
    public func draftListing() throws -> (drafts: [Draft], skipped: [SkippedDraftReference]) {
        let published = try repository.withGit { try $0.referenceTarget(repository.publishedRef) }
        var drafts: [Draft] = []
        var skipped: [SkippedDraftReference] = []
        for ref in try repository.withGit({ try $0.references(withPrefix: ContentRepository.draftPrefix) }) {
            let id = String(ref.name.dropFirst(ContentRepository.draftPrefix.count))
            guard Formats.isSlug(id) else {
                skipped.append(.init(reference: ref.name, reason: ContentRepository.notADraftID))
                continue
            }
            do {
                drafts.append(try repository.describeDraft(id: id, tip: ref.target, published: published, state: .open))
            } catch let error as WorkflowError {
                skipped.append(.init(reference: ref.name, reason: "it cannot be read as a draft: \(error.message)"))
            }
        }
        return (drafts.sorted { ($0.created ?? .distantPast, $0.id) < ($1.created ?? .distantPast, $1.id) }, skipped)
    }

    /// Drafts reviewers turned down, with their reasons, newest rejection first.
    /// Records that are not rejection commits, or whose names are not draft ids, are skipped;
    /// so is a record that does not count (see `ClosingRecord`) while its draft is open: it
    /// closed nothing, and `unverifiedRecords` reports it. One whose draft is gone is listed,
    /// marked unverified.
    ///
    /// A draft rejected, reopened and rejected again is listed once, with its newest rejection
    /// that no reopening answers; one reopened and not rejected since is not listed.
    public func rejectedDrafts() throws -> [Draft] {
        let published = try repository.withGit { try $0.referenceTarget(repository.publishedRef) }
        let records = try repository.records.draftRecords()
        var drafts: [Draft] = []
        for id in Set(records.records.filter { $0.kind == .rejection }.map(\.draft)).sorted() {
            guard let check = records.openRejections(of: id).first(where: \.verified) ?? records.openRejections(of: id).first,
                let record = try? repository.withGit(reference: check.reference, { try $0.commit(check.record.id) })
            else { continue }
            if !check.verified, try repository.withGit({ try $0.referenceTarget(repository.draftRef(id)) }) != nil { continue }
            let tip = check.tip.id
            guard var draft = try? repository.describeDraft(id: id, tip: tip, published: published, state: .rejected) else { continue }
            draft.rejection = Rejection.read(from: record)
            draft.rejection?.verified = check.verified
            draft.rejection?.unverified = check.unverified
            drafts.append(draft)
        }
        return drafts.sorted { ($0.rejection?.time ?? .distantPast) > ($1.rejection?.time ?? .distantPast) }
    }
}
