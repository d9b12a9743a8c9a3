internal import ClinicGit
import Foundation

/// Every rejection, discard and reopening record, read once and each checked: what closes
/// which draft tip.
///
/// Records are only ever added (a server refuses anything else), so a draft's state is read
/// from all of them together: a tip is closed by a discard that counts, or by a rejection
/// that counts and that no reopening that counts answers. A reopening's parent is the
/// rejection it answers, so reject, reopen, reject again, reopen and approve of one draft id
/// are five records with five names, each provably after the one it follows, whatever dates
/// their writers chose.
struct DraftRecords {
    /// Every record found, verified or not.
    var records: [ClosingRecord] = []
    /// Rejections answered by a reopening that counts, or by an older version's local mark.
    var answered: Set<Revision> = []

    /// The draft tips closed now.
    var closedTips: Set<Revision> {
        Set(records.filter { $0.verified && $0.kind != .reopening && !answered.contains($0.record) }.map(\.tip))
    }

    /// The rejections of draft `id` no reopening answers (counting or not), newest first.
    func openRejections(of id: String) -> [ClosingRecord] {
        records.filter { $0.kind == .rejection && $0.draft == id && !answered.contains($0.record) }.sorted { $0.madeAt > $1.madeAt }
    }
}

extension Records {
    /// The records under each of `bases` (`refs/clinicctl/`, and where the server's are
    /// remembered), read together: a reopening sent by one computer answers a rejection
    /// fetched from another. The same record found under two bases counts once. With `draft`,
    /// only that draft's records are read (and those of drafts whose ids begin with it).
    func draftRecords(under bases: [String] = ["refs/clinicctl/"], draft: String? = nil) throws -> DraftRecords {
        let verifier = ClosingRecordVerifier(repository)
        var found = DraftRecords()
        var seen: Set<Revision> = []
        for base in bases {
            for folder in ClosingRecordVerifier.folders.keys.sorted() {
                for ref in try repository.withGit({ try $0.references(withPrefix: base + folder + (draft ?? "")) }) {
                    guard let record = try verifier.check(reference: ref.name, under: base, commit: ref.target) else {
                        // An older version marked a reopening with a reference straight to the rejection.
                        if folder == "reopened/", try isRejectionRecord(ref.target) { found.answered.insert(Revision(ref.target)) }
                        continue
                    }
                    guard seen.insert(record.record).inserted else { continue }
                    found.records.append(record)
                    if record.kind == .reopening, record.verified, let rejection = record.reopens { found.answered.insert(rejection) }
                }
            }
        }
        return found
    }

    private func isRejectionRecord(_ commit: ObjectID) throws -> Bool {
        guard let info = try? repository.withGit({ try $0.commit(commit) }) else { return false }
        if case .rejection = CommitRecord(message: info.message) { return true }
        return false
    }

    /// Where the rejection `record` of draft `id` is filed: `refs/clinicctl/rejected/<id>-<record>`.
    public func rejectionRef(_ id: String, record: Revision) -> String { ContentRepository.rejectedPrefix + id + "-" + record.short }

    /// Where a reopening of draft `id` that answers `rejection` is filed: `refs/clinicctl/reopened/<id>-<rejection>`.
    public func reopeningRef(_ id: String, answering rejection: Revision) -> String {
        ContentRepository.reopenedPrefix + id + "-" + rejection.short
    }
}
