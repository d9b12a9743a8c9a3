internal import ClinicGit
import Foundation

extension Team {
    /// Approvals made here while the server's published branch moved on (both moved):
    /// each is made again on the server's tip, validated and sent, exactly as `review approve`
    /// does in a clone (`approveThroughServer`, at most three tries each), oldest first.
    ///
    /// Returns one line per approval; nil when what is only here is not all unsigned approval
    /// merges (a signature cannot be made again without its key, a plain commit is no
    /// approval): then nothing moves and the caller reports the divergence. An approval
    /// that cannot be made again leaves its draft open here, and its line says the command
    /// that finishes it.
    func remakeOfflineApprovals(local: ObjectID, server: ObjectID, remote: String) throws -> (lines: [SyncReport.Line], checkout: Bool)? {
        let unsent: [CommitRecord.Approval]? = try repository.withGit { git in
            var found: [CommitRecord.Approval] = []
            for commit in try git.firstParentLog(from: local, limit: 1000) {
                if try git.isAncestor(commit.id, of: server) { break }
                guard commit.parents.count == 2, case .approval(let approval) = CommitRecord(message: commit.message),
                    try git.signature(of: commit.id) == nil
                else { return nil }
                found.append(approval)
            }
            return found.reversed()
        }
        guard let unsent, !unsent.isEmpty else { return nil }
        // The published branch goes to the server's tip; each draft reopens at what was approved.
        let state = try repository.reviews.workingTreeState()
        try repository.withGit { git in
            try git.updateReference(
                repository.publishedRef, to: server, expected: local, logMessage: "clinicctl: sync, approvals to make again")
            for approval in unsent where try git.referenceTarget(repository.draftRef(approval.draft)) == nil {
                try git.updateReference(
                    repository.draftRef(approval.draft), to: approval.approvedCommit.id, expected: nil,
                    logMessage: "clinicctl: reopen draft approved offline")
            }
        }
        let checkout = repository.reviews.bringWorkingTreeAlong(from: local, state: state).outcome == .updated
        var lines: [SyncReport.Line] = []
        for approval in unsent {
            let subject = "draft \(approval.draft)"
            do {
                _ = try approveThroughServer(
                    approval.draft, as: approval.approvedBy, message: approval.note, accepting: Set(approval.accepted),
                    tip: approval.approvedCommit, remote: remote)
                lines.append(.init(subject: subject, outcome: .approvedAgain))
            } catch {
                let reason = (error as? WorkflowError)?.message ?? error.localizedDescription
                lines.append(
                    .init(
                        subject: subject, outcome: .notApprovedAgain,
                        detail: "\(reason). The draft is open here: once that is fixed, run `clinicctl review approve \(approval.draft)`"))
            }
        }
        return (lines, checkout)
    }
}
