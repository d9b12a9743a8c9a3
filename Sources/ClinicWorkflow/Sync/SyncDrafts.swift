internal import ClinicGit
import Foundation

extension ContentRepository {

    /// Each draft's tip under `prefix` (this copy's drafts, or the server's as last fetched), by id.
    static func draftTips(under prefix: String, in git: Repository) throws -> [String: ObjectID] {
        Dictionary(
            try git.references(withPrefix: prefix).map { (String($0.name.dropFirst(prefix.count)), $0.target) }, uniquingKeysWith: { $1 })
    }
}

extension Team {
    /// Drafts: the server's new ones come here, this copy's new ones go there; a draft both
    /// sides added edits to is reconciled without dropping either side's commits.
    ///
    /// `lastSeen` holds each draft's tip on the server at this copy's last sync: a draft that
    /// moved on one side only since then is that side's rewrite (undo, drop, reopen, update),
    /// taken whole, never merged with the commits it replaced; only a draft that moved on both
    /// sides is a race, reconciled edit by edit.
    ///
    /// `reader`, the person syncing, is told what each draft's line means for them (`addNotices`).
    func syncDrafts(remote: String, lastSeen: [String: ObjectID] = [:], reader: Person? = nil, plan: inout SyncPlan) throws {
        let serverPrefix = ContentRepository.trackingPrefix(remote) + "drafts/"
        let closedTips = try closedDraftTips(remote: remote)
        let (local, server, published) = try repository.withGit { git in
            let local = try ContentRepository.draftTips(under: ContentRepository.draftPrefix, in: git)
            let server = try ContentRepository.draftTips(under: serverPrefix, in: git)
            return (local, server, try git.referenceTarget(repository.publishedRef))
        }
        func isClosed(_ tip: ObjectID) throws -> Bool {
            if closedTips.contains(tip) { return true }
            guard let published else { return false }
            return try repository.withGit { try $0.isAncestor(tip, of: published) }
        }
        let firstLine = plan.lines.count
        for id in Set(local.keys).union(server.keys).sorted() {
            let ref = repository.draftRef(id)
            let subject = "draft \(id)"
            // Approved or closed elsewhere; the server keeps the old branch, as nothing is ever deleted there.
            if let mine = local[id], server[id] == nil || server[id] == mine, try isClosed(mine) {
                try repository.withGit(draft: id) { try $0.deleteReference(ref, expected: mine) }
                plan.lines.append(.init(subject: subject, outcome: .closed, detail: "approved or closed"))
                continue
            }
            switch (local[id], server[id]) {
            case (let mine?, let theirs?) where mine == theirs: continue
            case (let mine?, let theirs?):
                try syncMoved(id, mine: mine, theirs: theirs, lastSeen: lastSeen[id], plan: &plan)
            case (nil, let theirs?):
                guard try !isClosed(theirs) else { continue }
                try repository.withGit(draft: id) { try $0.updateReference(ref, to: theirs, expected: nil, logMessage: "clinicctl: sync") }
                plan.lines.append(.init(subject: subject, outcome: .fetched))
            case (_?, nil):
                plan.push(ref, subject: subject)
            case (nil, nil): continue
            }
        }
        try addNotices(to: &plan.lines[firstLine...], before: local, reader: reader, remote: remote)
    }

    /// Each draft's tip on the server when this copy last synced (its remote-tracking branch).
    func lastSeenDrafts(remote: String) throws -> [String: ObjectID] {
        try repository.withGit { git in
            try ContentRepository.draftTips(under: ContentRepository.trackingPrefix(remote) + "drafts/", in: git)
        }
    }

    /// Tips of drafts closed by the records here and on the server together (`DraftRecords`): a
    /// rejection answered by a reopening on either side closes nothing. Only a record that
    /// counts closes anything (`ClosingRecord`): one anyone could have pushed does not.
    func closedDraftTips(remote: String) throws -> Set<ObjectID> {
        Set(
            try repository.records.draftRecords(under: ["refs/clinicctl/", ContentRepository.trackingRecordPrefix(remote)]).closedTips.map(
                \.id))
    }

    /// Draft `id` differs here and on the server. Which side moved since the last sync decides:
    /// only this copy (the server still has what it last saw) is sent, as an addition or, for a
    /// rewrite, in place of the server's; only the server is taken here, added to or rewritten.
    /// Without a remembered tip, the one that contains the other wins, as before.
    private func syncMoved(_ id: String, mine: ObjectID, theirs: ObjectID, lastSeen: ObjectID?, plan: inout SyncPlan) throws {
        let ref = repository.draftRef(id)
        let subject = "draft \(id)"
        let theirsInMine = try repository.withGit { try $0.isAncestor(theirs, of: mine) }
        let mineInTheirs = try repository.withGit { try $0.isAncestor(mine, of: theirs) }
        if lastSeen == theirs || (lastSeen == nil && theirsInMine) {
            if theirsInMine { plan.push(ref, subject: subject) } else { plan.replace(ref, expected: theirs, subject: subject) }
        } else if lastSeen == mine || (lastSeen == nil && mineInTheirs) {
            try repository.withGit(draft: id) { try $0.updateReference(ref, to: theirs, expected: mine, logMessage: "clinicctl: sync") }
            plan.lines.append(.init(subject: subject, outcome: mineInTheirs ? .updated : .rewrittenOnServer))
        } else {
            try reconcile(id, mine: mine, theirs: theirs, lastSeen: lastSeen, plan: &plan)
        }
    }

    /// Draft `id` moved here and on the server since this copy last saw it (`lastSeen`; nil
    /// when it never did, and then since the two sides' merge base). The side that only added
    /// edits has them re-applied, merged by record and field, on the other side's tip: this
    /// side's new edits on the server's, or the server's new edits on this side's rewrite, so a
    /// dropped edit stays dropped and no edit is applied twice. When both rewrote, or an edit
    /// no longer applies, this side's commits are kept whole as `<id>-conflict-<n>` instead.
    private func reconcile(_ id: String, mine: ObjectID, theirs: ObjectID, lastSeen: ObjectID?, plan: inout SyncPlan) throws {
        let ref = repository.draftRef(id)
        let (rebased, replacesServer): (ObjectID?, Bool) = try repository.withGit(draft: id) { git in
            let seen = try lastSeen ?? git.mergeBase(mine, theirs)
            if let seen, try git.isAncestor(seen, of: mine) {
                return (try replay(after: seen, upTo: mine, onto: theirs, in: git), false)
            }
            if let seen, try git.isAncestor(seen, of: theirs) {
                return (try replay(after: seen, upTo: theirs, onto: mine, in: git), true)
            }
            return (nil, false)
        }
        if let rebased, try repository.findings(at: rebased).errors.isEmpty {
            try repository.withGit(draft: id) { try $0.updateReference(ref, to: rebased, expected: mine, logMessage: "clinicctl: sync") }
            if replacesServer {
                plan.replace(ref, expected: theirs, subject: "draft \(id)")
                plan.lines[plan.lines.count - 1].detail = "the other computer's new edits re-applied on it"
            } else {
                plan.push(ref, subject: "draft \(id)", outcome: .rebased)
            }
            return
        }
        var counter = 1
        while try repository.withGit({ try $0.referenceTarget(repository.draftRef("\(id)-conflict-\(counter)")) }) != nil { counter += 1 }
        let kept = "\(id)-conflict-\(counter)"
        try repository.withGit(draft: kept) { git in
            try git.updateReference(
                repository.draftRef(kept), to: mine, expected: nil, logMessage: "clinicctl: sync kept conflicting edits")
            try git.updateReference(ref, to: theirs, expected: mine, logMessage: "clinicctl: sync")
        }
        plan.push(repository.draftRef(kept), subject: "draft \(kept)")
        plan.lines.append(.init(subject: "draft \(id)", outcome: .keptAsConflict, detail: kept))
    }

    /// Rejection and discard records, and notes, are only ever added: the server's new ones come
    /// here (a note by someone else is told to `reader`), this copy's new ones go there.
    func syncRecords(remote: String, reader: Person? = nil, plan: inout SyncPlan) throws {
        let serverPrefix = ContentRepository.trackingRecordPrefix(remote)
        for prefix in ContentRepository.sharedRecordPrefixes {
            let (local, server) = try repository.withGit { git in
                (
                    try git.references(withPrefix: "refs/clinicctl/" + prefix),
                    try git.references(withPrefix: serverPrefix + prefix)
                )
            }
            let localNames = Set(local.map { String($0.name.dropFirst("refs/clinicctl/".count)) })
            for record in server {
                let name = String(record.name.dropFirst(serverPrefix.count))
                guard !localNames.contains(name) else { continue }
                try repository.withGit {
                    try $0.updateReference("refs/clinicctl/" + name, to: record.target, expected: nil, logMessage: "clinicctl: sync")
                }
                if prefix == "notes/", let line = try receivedNoteLine("refs/clinicctl/" + name, commit: record.target, reader: reader) {
                    plan.lines.append(line)
                }
            }
            let serverNames = Set(server.map { String($0.name.dropFirst(serverPrefix.count)) })
            let verifier = ClosingRecordVerifier(repository)
            for record in local where !serverNames.contains(String(record.name.dropFirst("refs/clinicctl/".count))) {
                let subject = "record \(record.name.dropFirst("refs/clinicctl/".count))"
                if prefix == "notes/" {
                    if let problem = try unsendableNote(record.name, commit: record.target, remote: remote) {
                        plan.lines.append(.init(subject: subject, outcome: .notSent, detail: problem))
                        continue
                    }
                } else {
                    // No closing record at all (an older version's local mark) stays here. One that does not count
                    // is never sent: the server refuses it, and with it the whole push.
                    guard let check = try verifier.check(reference: record.name, under: "refs/clinicctl/", commit: record.target)
                    else { continue }
                    if let problem = check.unverified {
                        plan.lines.append(.init(subject: subject, outcome: .notSent, detail: "unverified: \(problem)"))
                        continue
                    }
                }
                plan.push(record.name, subject: subject)
            }
        }
    }
}

extension Team {
    /// The first-parent commits after `start` up to `end`, each applied again on `onto`,
    /// merged by record and field with what it lands on; nil when one no longer applies.
    func replay(after start: ObjectID, upTo end: ObjectID, onto: ObjectID, in git: Repository) throws -> ObjectID? {
        var edits: [CommitInfo] = []
        for commit in try git.firstParentLog(from: end, limit: 500) {
            if commit.id == start { break }
            edits.append(commit)
        }
        var tip = onto
        for edit in edits.reversed() {
            guard let tree = try repository.applyByField(edit, onto: tip, in: git).tree else { return nil }
            tip = try git.createCommit(tree: tree, parents: [tip], author: edit.author, committer: edit.committer, message: edit.message)
        }
        return tip
    }
}
