import ClinicContent
internal import ClinicGit
import Foundation

/// The published branch's history from a commit back to a trusted one, along first parents.
struct PublishedLine {
    /// The commits after the trusted one, oldest first: each must be an approval.
    var steps: [CommitInfo]
    /// The first commit of the repository, when the walk went all the way back (no trusted
    /// commit to stop at): it must be the one `clinicctl init` makes.
    var root: CommitInfo?
}

/// How a walk back along first parents ended.
enum PublishedLineWalk {
    case line(PublishedLine)
    /// The first commit was reached without meeting the trusted one: the history was replaced.
    case missesStart(root: ObjectID)
    /// The deadline passed after reading this many commits.
    case tooLong(read: Int)
}

extension ContentRepository {
    /// Where this copy's trust in the published history starts: the first commit of the
    /// repository, recorded in its Git config by `init`, `clone` and `hooks install --server`
    /// (a file no push can write). `verify` and `sync` judge every commit after it.
    public static let trustedStartKey = "clinicctl.trustedStart"
    /// How long the server may take to check one push, in seconds (default 300).
    public static let pushCheckSecondsKey = "clinicctl.pushCheckSeconds"
    /// References beyond the published branch, drafts and records that the server accepts.
    public static let allowedRefsKey = "clinicctl.allowedRefs"

    static func trustedStart(in git: Repository) throws -> ObjectID? {
        try git.localConfigString(trustedStartKey).flatMap { ObjectID(hex: $0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Records the first commit of `tip`'s first-parent history as the trusted start, unless
    /// one is recorded already. Reading that history is linear in its length.
    static func recordTrustedStart(from tip: ObjectID, in git: Repository) throws {
        guard try trustedStart(in: git) == nil else { return }
        var root = try git.commit(tip)
        while let parent = root.parents.first { root = try git.commit(parent) }
        try git.setConfigString(trustedStartKey, root.id.hex)
    }
}

extension Team {

    /// The first-parent line from `tip` back to `start` (not included), or to the first
    /// commit when `start` is nil. Never stops early: a line that does not reach `start`
    /// is reported as such, and one that takes longer than `deadline` to read as too long.
    func publishedLine(from tip: ObjectID, back start: ObjectID?, deadline: Date) throws -> PublishedLineWalk {
        var steps: [CommitInfo] = []
        var next = tip
        while next != start {
            if repository.environment.now() > deadline { return .tooLong(read: steps.count) }
            let commit = try repository.withGit(revision: next.hex) { try $0.commit(next) }
            guard let parent = commit.parents.first else {
                if start != nil { return .missesStart(root: commit.id) }
                return .line(PublishedLine(steps: steps.reversed(), root: commit))
            }
            steps.append(commit)
            next = parent
        }
        return .line(PublishedLine(steps: steps.reversed(), root: nil))
    }

    /// `commit` as an approval the rules can judge: nil when it is not a two-parent merge
    /// carrying clinicctl's approval record.
    func proposedApproval(_ commit: CommitInfo) throws -> ProposedApproval? {
        guard commit.parents.count == 2, case .approval(let approval) = CommitRecord(message: commit.message) else { return nil }
        return ProposedApproval(
            commit: Revision(commit.id), previous: Revision(commit.parents[0]), approval: approval,
            committer: Person(name: commit.committer.name, email: commit.committer.email),
            draft: try repository.describeDraft(id: approval.draft, tip: commit.parents[1], published: commit.parents[0], state: .open))
    }

    /// Why `commit` may not follow its first parent on the published branch, in words that
    /// follow its name; nil when it is an approval every rule passes, judged against the
    /// settings published at that first parent (so nothing the commit brings counts yet).
    func refusalOfPublishedStep(_ commit: CommitInfo, rules: [ApprovalRule]) throws -> String? {
        guard let proposed = try proposedApproval(commit) else {
            return
                "is not an approval: \(repository.config.publishedBranch) only moves when a reviewer approves a draft with `clinicctl review approve`"
        }
        for rule in rules {
            if let reason = try rule.check(proposed, repository) { return "is refused: \(reason)" }
        }
        return nil
    }

    /// Why an approval is not exactly the merge `review approve` makes of the published tip
    /// and the draft tip it records; nil when it is.
    func mergeRefusal(of proposed: ProposedApproval) throws -> String? {
        let tip = proposed.draft.tip
        guard proposed.approval.approvedCommit == tip else {
            return "it records the approved draft tip as \(proposed.approval.approvedCommit.short) but merges \(tip.short)"
        }
        return try repository.withGit(revision: proposed.commit.hex) { git in
            let merge = try repository.approvalMerge(published: proposed.previous.id, draft: tip.id, in: git)
            let merged = merge.merged
            guard merge.tree != nil else {
                return "the published tip and the draft do not merge cleanly (in \(merge.conflictedPaths.joined(separator: ", "))), "
                    + "so its content was put together by hand"
            }
            let changed = try merged.fileDifferences(from: proposed.commit.id) ?? []
            guard !changed.isEmpty else { return nil }
            return "its content is not the merge of the published tip and the draft: "
                + "\(changed.map(\.path).joined(separator: ", ")) changed by hand after merging"
        }
    }

    /// Why the published branch may not move here from `local` to the server's `server`:
    /// the server's history must continue this copy's along first parents, every new step
    /// an approval that holds (as `verify` judges it). Nil when it may.
    func refusalOfPublishedMove(from local: ObjectID, to server: ObjectID, remote: String) throws -> String? {
        let branch = repository.config.publishedBranch
        let tracking = "\(ContentRepository.trackingPrefix(remote).dropFirst("refs/".count))\(branch)"
        let stays = "this copy stays at \(local.short); `clinicctl verify \(tracking)` shows the server's history"
        guard case .line(let line) = try publishedLine(from: server, back: local, deadline: .distantFuture) else {
            return "the server's \(branch) was rewritten: its history no longer continues from \(local.short) through approvals; \(stays)"
        }
        for commit in line.steps {
            let check = try auditPublishedStep(commit)
            guard !check.passes else { continue }
            let what = "\(commit.id.short) \"\(commit.summary)\""
            if check.verdict == .notAnApproval {
                return "\(branch) moved on the server by \(what), which no reviewer approved; \(stays)"
            }
            return
                "\(branch) moved on the server by \(what), whose approval does not hold (\(check.verdict.rawValue): \(check.detail)); \(stays)"
        }
        return nil
    }

    /// Judges one first-parent commit of the published branch (not the first commit): its
    /// signature check when it is an approval, turned into a failure when another rule of
    /// `ApprovalRule.history` refuses it; `.notAnApproval` when it is not one.
    func auditPublishedStep(_ commit: CommitInfo) throws -> ApprovalSignatureCheck {
        let previous = commit.parents[0]
        guard let proposed = try proposedApproval(commit) else {
            return ApprovalSignatureCheck(
                commit: Revision(commit.id), previousTip: Revision(previous), approvedBy: nil, verdict: .notAnApproval,
                detail: "\"\(commit.summary)\" by \(commit.committer.name) <\(commit.committer.email)> is not an approval: "
                    + "no reviewer approved it (made with Git, not with `clinicctl review approve`)",
                required: try repository.config(at: Revision(previous)).requireSignedApprovals)
        }
        var check = try repository.signatures.verifyApproval(commit.id, previousTip: previous)
        guard check.passes else { return check }
        for rule in ApprovalRule.history {
            if let reason = try rule.check(proposed, repository) {
                check.verdict = .refused
                check.detail = "\(rule.name): \(reason)"
                break
            }
        }
        return check
    }

    /// Checks every first-parent commit of the published branch (or of `revision`) after
    /// where this copy's trust starts, newest first: each must be an approval that holds
    /// under the settings published before it. The first commit, when reached, must be the
    /// trusted one (or, where none is recorded, the one `clinicctl init` makes).
    /// `trustedStart` names the trusted commit instead of the recorded one (a CI check pins it).
    public func verifyApprovals(from revision: String? = nil, trustedStart: String? = nil) throws -> [ApprovalSignatureCheck] {
        let tip = try revision.map(repository.resolve) ?? repository.publishedTip()
        let start = try trustedStart.map(repository.resolve) ?? repository.withGit { try ContentRepository.trustedStart(in: $0) }
        var checks: [ApprovalSignatureCheck] = []
        var next: ObjectID? = tip
        while let id = next, id != start {
            let commit = try repository.withGit(revision: id.hex) { try $0.commit(id) }
            next = commit.parents.first
            guard next != nil else {
                if let start {
                    checks.append(
                        untrustedStart(
                            commit,
                            "the history starts at \(commit.id.short), not at \(start.short), the first commit this copy trusts "
                                + "(\(ContentRepository.trustedStartKey), recorded when it was made or cloned): it was replaced"))
                } else if CommitRecord(message: commit.message) != .creation {
                    checks.append(untrustedStart(commit, "the first commit is not the one `clinicctl init` makes"))
                }
                break
            }
            checks.append(try auditPublishedStep(commit))
        }
        return checks
    }

    private func untrustedStart(_ commit: CommitInfo, _ detail: String) -> ApprovalSignatureCheck {
        ApprovalSignatureCheck(
            commit: Revision(commit.id), previousTip: Revision(commit.id), approvedBy: nil, verdict: .untrustedStart, detail: detail,
            required: false)
    }
}
