internal import ClinicGit
import Foundation

extension ContentRepository {
    /// Drafts: the server's new ones come here, this copy's new ones go there; a draft both
    /// sides added edits to is reconciled without dropping either side's commits.
    func syncDrafts(remote: String, plan: inout SyncPlan) throws {
        let serverPrefix = Self.trackingPrefix(remote) + "drafts/"
        let (local, server, closedTips, published) = try withGit { git in
            let local = Dictionary(
                uniqueKeysWithValues: try git.references(withPrefix: Self.draftPrefix).map {
                    (String($0.name.dropFirst(Self.draftPrefix.count)), $0.target)
                })
            let server = Dictionary(
                uniqueKeysWithValues: try git.references(withPrefix: serverPrefix).map {
                    (String($0.name.dropFirst(serverPrefix.count)), $0.target)
                })
            return (local, server, try closedDraftTips(remote: remote, in: git), try git.referenceTarget(publishedRef))
        }
        func isClosed(_ tip: ObjectID) throws -> Bool {
            if closedTips.contains(tip) { return true }
            guard let published else { return false }
            return try withGit { try $0.isAncestor(tip, of: published) }
        }
        for id in Set(local.keys).union(server.keys).sorted() {
            let ref = draftRef(id)
            let subject = "draft \(id)"
            // Approved or closed elsewhere; the server keeps the old branch, as nothing is ever deleted there.
            if let mine = local[id], server[id] == nil || server[id] == mine, try isClosed(mine) {
                try withGit(draft: id) { try $0.deleteReference(ref, expected: mine) }
                plan.lines.append(.init(subject: subject, outcome: .closed, detail: "approved or closed"))
                continue
            }
            switch (local[id], server[id]) {
            case (let mine?, let theirs?) where mine == theirs: continue
            case (let mine?, let theirs?):
                if try withGit({ try $0.isAncestor(mine, of: theirs) }) {
                    try withGit(draft: id) { try $0.updateReference(ref, to: theirs, expected: mine, logMessage: "clinicctl: sync") }
                    plan.lines.append(.init(subject: subject, outcome: .updated))
                } else if try withGit({ try $0.isAncestor(theirs, of: mine) }) {
                    plan.push(ref, subject: subject)
                } else {
                    try reconcile(id, mine: mine, theirs: theirs, plan: &plan)
                }
            case (nil, let theirs?):
                guard try !isClosed(theirs) else { continue }
                try withGit(draft: id) { try $0.updateReference(ref, to: theirs, expected: nil, logMessage: "clinicctl: sync") }
                plan.lines.append(.init(subject: subject, outcome: .fetched))
            case (_?, nil):
                plan.push(ref, subject: subject)
            case (nil, nil): continue
            }
        }
    }

    /// Tips of drafts a rejection or discard record closed, here or on the server. Only a
    /// record that counts closes anything (`ClosingRecord`): one anyone could have pushed does not.
    func closedDraftTips(remote: String, in git: Repository) throws -> Set<ObjectID> {
        var tips: Set<ObjectID> = []
        let verifier = ClosingRecordVerifier(self)
        for prefix in Self.sharedRecordPrefixes {
            for base in ["refs/clinicctl/", Self.trackingRecordPrefix(remote)] {
                for record in try git.references(withPrefix: base + prefix) {
                    guard let check = try verifier.check(reference: record.name, under: base, commit: record.target), check.verified
                    else { continue }
                    tips.insert(check.tip.id)
                }
            }
        }
        return tips
    }

    /// Both sides added edits to draft `id`: this side's edits are re-applied on top of the
    /// server's (as `draft update` re-applies them on the published branch); when one no
    /// longer applies, this side's commits are kept whole as `<id>-conflict-<n>` instead.
    private func reconcile(_ id: String, mine: ObjectID, theirs: ObjectID, plan: inout SyncPlan) throws {
        let ref = draftRef(id)
        let rebased: ObjectID? = try withGit(draft: id) { git in
            let base = try git.mergeBase(mine, theirs)
            var edits: [CommitInfo] = []
            for commit in try git.firstParentLog(from: mine, limit: 500) {
                if commit.id == base { break }
                edits.append(commit)
            }
            var tip = theirs
            for edit in edits.reversed() {
                guard let tree = try git.cherryPick(edit.id, onto: tip).tree else { return nil }
                tip = try git.createCommit(
                    tree: tree, parents: [tip], author: edit.author, committer: edit.committer, message: edit.message)
            }
            return tip
        }
        if let rebased, try findings(at: rebased).errors.isEmpty {
            try withGit(draft: id) { try $0.updateReference(ref, to: rebased, expected: mine, logMessage: "clinicctl: sync") }
            plan.push(ref, subject: "draft \(id)", outcome: .rebased)
            return
        }
        var counter = 1
        while try withGit({ try $0.referenceTarget(draftRef("\(id)-conflict-\(counter)")) }) != nil { counter += 1 }
        let kept = "\(id)-conflict-\(counter)"
        try withGit(draft: kept) { git in
            try git.updateReference(draftRef(kept), to: mine, expected: nil, logMessage: "clinicctl: sync kept conflicting edits")
            try git.updateReference(ref, to: theirs, expected: mine, logMessage: "clinicctl: sync")
        }
        plan.push(draftRef(kept), subject: "draft \(kept)")
        plan.lines.append(.init(subject: "draft \(id)", outcome: .keptAsConflict, detail: kept))
    }

    /// Rejection and discard records are only ever added: the server's new ones come here,
    /// this copy's new ones go there.
    func syncRecords(remote: String, plan: inout SyncPlan) throws {
        let serverPrefix = Self.trackingRecordPrefix(remote)
        for prefix in Self.sharedRecordPrefixes {
            let (local, server) = try withGit { git in
                (
                    try git.references(withPrefix: "refs/clinicctl/" + prefix),
                    try git.references(withPrefix: serverPrefix + prefix)
                )
            }
            let localNames = Set(local.map { String($0.name.dropFirst("refs/clinicctl/".count)) })
            for record in server {
                let name = String(record.name.dropFirst(serverPrefix.count))
                guard !localNames.contains(name) else { continue }
                try withGit {
                    try $0.updateReference("refs/clinicctl/" + name, to: record.target, expected: nil, logMessage: "clinicctl: sync")
                }
            }
            let serverNames = Set(server.map { String($0.name.dropFirst(serverPrefix.count)) })
            let verifier = ClosingRecordVerifier(self)
            for record in local where !serverNames.contains(String(record.name.dropFirst("refs/clinicctl/".count))) {
                let subject = "record \(record.name.dropFirst("refs/clinicctl/".count))"
                // One that does not count is never sent: the server refuses it, and with it the whole push.
                if let check = try verifier.check(reference: record.name, under: "refs/clinicctl/", commit: record.target),
                    let problem = check.unverified
                {
                    plan.lines.append(.init(subject: subject, outcome: .notSent, detail: "unverified: \(problem)"))
                    continue
                }
                plan.push(record.name, subject: subject)
            }
        }
    }
}
