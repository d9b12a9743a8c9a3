internal import ClinicGit
import Foundation

extension ContentRepository {
    /// Where the server's branches are remembered here (Git's own convention).
    static func trackingPrefix(_ remote: String) -> String { "refs/remotes/\(remote)/" }
    /// Where the server's clinicctl records are remembered here, apart from its branches.
    static func trackingRecordPrefix(_ remote: String) -> String { "refs/clinicctl-remote/\(remote)/" }
    /// Records that are only ever added: sync sends them, the server refuses rewrites.
    static let sharedRecordPrefixes = ["rejected/", "discarded/", "reopened/", "notes/"]

    /// How many times `sync` makes its round again when the server moved under it.
    static let syncRounds = 3
}

extension Team {

    /// Brings this copy and the server's together, never losing either side's work.
    ///
    /// Fetches the published branch, every draft and clinicctl's records; moves what the
    /// server has that this copy lacks; pushes this copy's new drafts, edits, approvals and
    /// closing records. Never forces and never deletes anything on the server. A draft
    /// edited on both sides gets this side's edits re-applied on top of the server's, or,
    /// when they conflict, kept as `<id>-conflict-<n>`. The server's refusals are reported
    /// per reference, with its message.
    ///
    /// When the server's published branch moves between the fetch and the push (another
    /// reviewer's approval landing), the push of this copy's approvals loses, as a fetch-first or
    /// as Git's `cannot lock ref`: the round is made again on the new tip, where the approvals
    /// are made again (at most three rounds), and what the first round sent stays reported.
    ///
    /// `reader`, the person syncing, is told per draft what happened in words meant for them: who
    /// approved, rejected or discarded a draft closed elsewhere (and why), a new draft that waits
    /// for their review, a draft that changed since `review show` showed it to them, a new note.
    public func sync(remote: String = "origin", as reader: Person? = nil) throws -> SyncReport {
        let access = repository.environment.networkAccess
        // What the server published when this copy last looked: its history must go on from there.
        // Read once: a round made again below still judges the server's history from it.
        let lastSeen = try repository.withGit {
            try $0.referenceTarget(ContentRepository.trackingPrefix(remote) + repository.config.publishedBranch)
        }
        let draftsSeen = try lastSeenDrafts(remote: remote)
        var sent: [SyncReport.Line] = []
        var checkout = false
        var round = 0
        while true {
            round += 1
            try fetchEverything(remote: remote, access: access)
            let seen = try repository.withGit {
                try $0.referenceTarget(ContentRepository.trackingPrefix(remote) + repository.config.publishedBranch)
            }
            var plan = SyncPlan()
            checkout = try syncPublishedBranch(remote: remote, lastSeen: lastSeen, plan: &plan) || checkout
            try syncDrafts(remote: remote, lastSeen: draftsSeen, reader: reader, plan: &plan)
            try syncRecords(remote: remote, reader: reader, plan: &plan)
            var messages: [String] = []
            if !plan.isEmpty {
                let report: PushReport
                do {
                    report = try repository.withGit {
                        try $0.push(remote: remote, refspecs: plan.refspecs, replacing: plan.leases, access: access)
                    }
                } catch let error as WorkflowError where error.code == .conflict && round < ContentRepository.syncRounds {
                    continue  // The server moved since the fetch; nothing was sent.
                }
                messages = report.serverMessages
                for pushed in report.references {
                    guard let index = plan.pending[pushed.name], let refusal = pushed.refusal else { continue }
                    let said = refusal.contains("hook declined") && !messages.isEmpty ? messages.joined(separator: " ") : refusal
                    plan.lines[index] = .init(
                        subject: plan.lines[index].subject, outcome: .refused, detail: ContentRepository.explainingServerPermission(said))
                }
                if round < ContentRepository.syncRounds, let index = plan.pending[repository.publishedRef],
                    plan.lines[index].outcome == .refused,
                    try serverMoved(from: seen, remote: remote, access: access)
                {
                    sent += plan.lines.filter { $0.subject != repository.config.publishedBranch && $0.outcome != .refused }
                    continue
                }
            }
            try repository.withGit { git in
                try git.setConfigString("clinicctl.lastSync", ISO8601DateFormatter().string(from: repository.environment.now()))
            }
            return SyncReport(
                remote: remote, lines: sent + plan.lines, checkoutUpdated: checkout, serverMessages: messages,
                serverPublishFailure: ServerPublishReport.failure(in: messages))
        }
    }

    func fetchEverything(remote: String, access: NetworkAccess) throws {
        try repository.withGit { git in
            guard try git.remoteURL(remote) != nil else {
                throw WorkflowError(
                    .notFound,
                    "this repository has no remote \"\(remote)\"", remedy: .cloneRepository)
            }
            try git.fetch(
                remote: remote,
                refspecs: [
                    "+refs/heads/*:\(ContentRepository.trackingPrefix(remote))*",
                    "+refs/clinicctl/*:\(ContentRepository.trackingRecordPrefix(remote))*",
                ],
                access: access)
        }
    }

    /// The published branch moves here when the server's is ahead, and is sent when this
    /// copy is ahead. When both moved, the approvals made here are made again on the server's
    /// tip and sent (`remakeOfflineApprovals`); anything else made here stops it, with how to finish.
    ///
    /// A race is told from a rewrite by `lastSeen`, the server's tip at the last sync: the
    /// server's history must go on from it along first parents. One that went back or was
    /// replaced was rewritten on purpose by someone with plain Git: it is reported, not
    /// followed, and nothing is sent over it (not even this copy's approvals, which would
    /// undo the rewrite without anyone deciding to).
    func syncPublishedBranch(remote: String, lastSeen: ObjectID? = nil, plan: inout SyncPlan) throws -> Bool {
        let branch = repository.config.publishedBranch
        let (local, server) = try repository.withGit { git in
            (try git.referenceTarget(repository.publishedRef), try git.referenceTarget(ContentRepository.trackingPrefix(remote) + branch))
        }
        switch (local, server) {
        case (nil, nil): return false
        case (_?, nil):
            plan.push(repository.publishedRef, subject: branch)
            return false
        case (nil, let server?):
            try repository.withGit {
                try $0.updateReference(repository.publishedRef, to: server, expected: nil, logMessage: "clinicctl: sync")
            }
            plan.lines.append(.init(subject: branch, outcome: .fetched))
            return false
        case (let local?, let server?):
            if local == server { return false }
            if let lastSeen, lastSeen != server,
                case .missesStart = try publishedLine(from: server, back: lastSeen, deadline: .distantFuture)
            {
                let tracking = "\(ContentRepository.trackingPrefix(remote).dropFirst("refs/".count))\(branch)"
                plan.lines.append(
                    .init(
                        subject: branch, outcome: .notFollowed,
                        detail: "the server's \(branch) was rewritten since the last sync: it went from \(lastSeen.short) to "
                            + "\(server.short), which does not continue from it. This copy keeps \(local.short) and sent nothing; "
                            + "`clinicctl verify \(tracking)` shows the server's history. Ask whoever runs the server what happened"))
                return false
            }
            // What the server added since the last sync must hold before anything goes on top of it.
            if let lastSeen, lastSeen != server, let refusal = try refusalOfPublishedMove(from: lastSeen, to: server, remote: remote) {
                plan.lines.append(.init(subject: branch, outcome: .notFollowed, detail: refusal))
                return false
            }
            if try repository.withGit({ try $0.isAncestor(local, of: server) }) {
                // The server's history is judged against this copy's, never taken on its word: a commit
                // made with plain Git on a host without clinicctl's hooks, or a history built around this
                // one, is reported and not followed.
                if let refusal = try refusalOfPublishedMove(from: local, to: server, remote: remote) {
                    plan.lines.append(.init(subject: branch, outcome: .notFollowed, detail: refusal))
                    return false
                }
                let state = try repository.reviews.workingTreeState()
                try repository.withGit {
                    try $0.updateReference(repository.publishedRef, to: server, expected: local, logMessage: "clinicctl: sync")
                }
                plan.lines.append(.init(subject: branch, outcome: .updated))
                return repository.reviews.bringWorkingTreeAlong(from: local, state: state).outcome == .updated
            }
            if try repository.withGit({ try $0.isAncestor(server, of: local) }) {
                plan.push(repository.publishedRef, subject: branch)
                return false
            }
            // Both moved: this copy's approvals are made again on the server's tip and sent.
            if let remade = try remakeOfflineApprovals(local: local, server: server, remote: remote) {
                plan.lines += remade.lines
                return remade.checkout
            }
            plan.lines.append(
                .init(
                    subject: branch, outcome: .refused,
                    detail:
                        "\(branch) moved both here and on the server, and not only by unsigned approvals (a signed approval, "
                        + "or a commit made with Git): nothing was sent. To finish: `git reset --keep "
                        + "\(ContentRepository.trackingPrefix(remote).dropFirst("refs/".count))\(branch)` (undoes them here), "
                        + "`clinicctl sync`, then `clinicctl review approve` each of those drafts again"))
            return false
        }
    }
}

/// What sync has decided so far: the lines of its report and the refspecs still to push.
struct SyncPlan {
    var lines: [SyncReport.Line] = []
    var refspecs: [String] = []
    /// The line of each reference queued for the push, to turn into "refused" if the server says so.
    var pending: [String: Int] = [:]

    /// References sent in place of the server's, each only while the server still has the value given.
    var leases: [String: ObjectID] = [:]

    /// Queues `ref` for the push with the line `outcome` (pushed, or rebased then pushed).
    mutating func push(_ ref: String, subject: String, outcome: SyncReport.Line.Outcome = .pushed) {
        refspecs.append("\(ref):\(ref)")
        pending[ref] = lines.count
        lines.append(.init(subject: subject, outcome: outcome))
    }

    /// Queues `ref` to replace the server's, which must still be `expected` (what this copy last saw).
    mutating func replace(_ ref: String, expected: ObjectID, subject: String, outcome: SyncReport.Line.Outcome = .rewritten) {
        leases[ref] = expected
        pending[ref] = lines.count
        lines.append(.init(subject: subject, outcome: outcome))
    }

    var isEmpty: Bool { refspecs.isEmpty && leases.isEmpty }
}
