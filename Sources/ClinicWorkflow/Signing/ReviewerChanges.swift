import ClinicContent
internal import ClinicGit
import ClinicSigning
import Foundation

/// A change to the reviewer list in `clinicctl.yaml`, made on a draft like any content change.
public enum ReviewerChange: Sendable, Hashable {
    /// Lists `person` as a reviewer with `keys` (`authorized_keys` lines); for someone already
    /// listed, adds the keys not yet listed for them (a new laptop, a rotated key).
    case add(Person, keys: [String])
    /// Removes `person` from the list; with `keys`, removes only those keys (a revoked key).
    case remove(Person, keys: [String])

    /// The commit's summary line.
    var summary: String {
        switch self {
        case .add(let person, let keys): keys.isEmpty ? "Reviewers: add \(person)" : "Reviewers: add \(person) with \(Self.count(keys))"
        case .remove(let person, let keys):
            keys.isEmpty ? "Reviewers: remove \(person)" : "Reviewers: remove \(Self.count(keys)) of \(person)"
        }
    }

    private static func count(_ keys: [String]) -> String { keys.count == 1 ? "a key" : "\(keys.count) keys" }

    /// `config` with this change made; refuses a change that changes nothing or leaves nobody to approve.
    func applied(to config: RepositoryConfig) throws -> RepositoryConfig {
        var config = config
        switch self {
        case .add(let person, let keys):
            guard let index = config.reviewers.firstIndex(where: { $0.email.caseInsensitiveCompare(person.email) == .orderedSame }) else {
                config.reviewers.append(Reviewer(name: person.name, email: person.email, keys: keys))
                return config
            }
            let listed = Set(config.reviewers[index].keys.compactMap { try? SSHPublicKey(line: $0).blob })
            let new = keys.filter { key in (try? SSHPublicKey(line: key).blob).map { !listed.contains($0) } ?? true }
            guard !new.isEmpty else {
                throw WorkflowError(
                    .unchanged,
                    "\(config.reviewers[index].name) <\(config.reviewers[index].email)> is already a reviewer"
                        + (keys.isEmpty ? "" : " with that key") + "; nothing was changed")
            }
            config.reviewers[index].keys += new
        case .remove(let person, let keys):
            guard let index = config.reviewers.firstIndex(where: { $0.email.caseInsensitiveCompare(person.email) == .orderedSame }) else {
                let listed = config.reviewers.map { "\($0.name) <\($0.email)>" }.joined(separator: ", ")
                throw WorkflowError(.notFound, "\(person.email) is not a reviewer (reviewers: \(listed.isEmpty ? "none" : listed))")
            }
            if keys.isEmpty {
                guard config.reviewers.count > 1 else {
                    throw WorkflowError(
                        .refused, "\(person.email) is the only reviewer; removing them would leave nobody to approve drafts")
                }
                config.reviewers.remove(at: index)
            } else {
                let removing = Set(keys.compactMap { try? SSHPublicKey(line: $0).blob })
                let kept = config.reviewers[index].keys.filter { key in
                    (try? SSHPublicKey(line: key).blob).map { !removing.contains($0) } ?? true
                }
                guard kept.count < config.reviewers[index].keys.count else {
                    throw WorkflowError(.unchanged, "that key is not listed for \(person.email); nothing was changed")
                }
                config.reviewers[index].keys = kept
            }
        }
        return config
    }
}

extension Signatures {
    /// Commits `change` to `clinicctl.yaml` onto a draft: `draftID`'s, or a new one.
    ///
    /// The list counts only once the draft is approved, by another reviewer and
    /// with `--accept settings`: who may approve and with which keys is always read
    /// from the published tip before the approval, so nobody gains a right from the
    /// draft that grants it.
    public func changeReviewers(_ change: ReviewerChange, to draftID: String?, as person: Person, draftName: String? = nil) throws
        -> EditResult
    {
        guard let draftID else { return try changeReviewersOnce(change, to: nil, as: person, draftName: draftName) }
        return try repository.holdingDraft(draftID) { try changeReviewersOnce(change, to: draftID, as: person, draftName: nil) }
    }

    private func changeReviewersOnce(_ change: ReviewerChange, to draftID: String?, as person: Person, draftName: String?) throws
        -> EditResult
    {
        let existingTip = try draftID.map { try repository.draft($0).tip }
        let base = try existingTip?.id ?? repository.publishedTip()
        let before = try repository.withGit(revision: base.hex) {
            try RepositoryConfig.load(from: GitRevisionSource(repository: $0, commit: base)).0
        }
        let after = try change.applied(to: before)
        let id = try draftID ?? repository.drafts.newDraftID(from: "reviewers", as: person, named: draftName)
        let signature = repository.environment.signature(person)
        let words = SettingsChange.describe(before: before, after: after)
        let record = CommitRecord.edit(
            .init(summary: change.summary, change: "reviewers.change", entry: RepositoryConfig.fileName, details: words))
        let sign = try draftSigner()
        let write = {
            try self.repository.withGit(draft: id, file: RepositoryConfig.fileName, reference: self.repository.draftRef(id)) {
                try $0.commit(
                    changes: [.write(path: RepositoryConfig.fileName, contents: Data(after.canonicalText.utf8))],
                    onBranch: self.repository.draftRef(id), expectedTip: existingTip?.id, parentIfNew: base, author: signature,
                    committer: signature,
                    message: record.message, sign: sign)
            }
        }
        // An open draft is already held by `changeReviewers`; a new one is held from the moment it has a name.
        let commit = try draftID == nil ? repository.holdingDraft(id, write) : write()
        return EditResult(
            draft: id, commit: Revision(commit), createdDraft: draftID == nil, summary: change.summary, files: [RepositoryConfig.fileName],
            changes: [], preexistingErrors: [],
            notes: words + [
                "the list changes only when another reviewer approves draft \(id) with `--accept settings`; "
                    + "until then the reviewers and keys on \(repository.config.publishedBranch) count"
            ])
    }
}
