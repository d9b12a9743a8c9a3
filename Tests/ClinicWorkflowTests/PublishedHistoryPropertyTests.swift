import ClinicGit
import ClinicTestSupport
import Foundation
import Testing

@testable import ClinicWorkflow

/// Random histories an editor with plain Git could push onto the published branch: plain
/// commits, criss-cross merges, chosen committer dates, settings changes, self-approvals,
/// misnamed and hand-changed approvals, new roots. The server's check accepts exactly those
/// whose every new first-parent step is a genuine approval by a reviewer the published
/// settings list, and `verify` fails on every other (issue 22).
@Suite("The server's check and verify over random pushed histories")
struct PublishedHistoryPropertyTests {
    /// One step the generator took on the pushed branch's first-parent line.
    enum Step: String, CaseIterable {
        case genuineApproval, plainCommit, selfApproval, strangerApproval, forgedCommitter, misnamedTip, evilTree
        case unacceptedSettings, newRoot, mergeOfOld
    }

    final class History {
        let git: Repository
        var counter = 0
        var random: SeededRandom
        var clock: TimeInterval = 1_790_000_000

        init(git: Repository, seed: UInt64) {
            self.git = git
            random = SeededRandom(state: seed)
        }

        /// A date the editor chose: anywhere from a year back to ten years ahead.
        func date() -> Date {
            clock += 60
            return Date(timeIntervalSince1970: clock + Double(Int.random(in: -31_000_000...310_000_000, using: &random)))
        }

        func signature(_ person: Person) -> Signature { Signature(name: person.name, email: person.email, time: date()) }

        /// A commit with one parent (or none), changing `changes`, by `person`.
        func commit(on parent: ObjectID?, _ changes: [FileChange], by person: Person, message: String) throws -> ObjectID {
            counter += 1
            return try git.commit(
                changes: changes, onBranch: "refs/scratch/\(counter)", expectedTip: nil, parentIfNew: parent, author: signature(person),
                committer: signature(person), message: message)
        }

        /// One more line in an FAQ answer: a valid content change.
        func answerChange(at commit: ObjectID, file: String = "content/faq/what-is-dry-needling.md") throws -> FileChange {
            counter += 1
            let text = try git.readFile(file, at: commit) ?? Data()
            return .write(path: file, contents: text + Data("\nNote \(counter).\n".utf8))
        }

        /// A merge of `draft` onto `tip` with an approval record, made as `committer` naming `approver`.
        func approval(
            of draft: ObjectID, onto tip: ObjectID, approver: Person, committer: Person, recordedTip: ObjectID? = nil,
            tree: ObjectID? = nil, accepted: [Acceptance] = []
        ) throws -> ObjectID? {
            guard let merged = try tree ?? git.merge(ours: tip, theirs: draft).tree else { return nil }
            let record = CommitRecord.approval(
                .init(
                    draft: "d\(counter)", title: "Change", note: nil, edits: ["Change (Olivia Office)"], approvedBy: approver,
                    approvedCommit: Revision(recordedTip ?? draft), accepted: accepted))
            return try git.createCommit(
                tree: merged, parents: [tip, draft], author: signature(committer), committer: signature(committer), message: record.message)
        }
    }

    @Test(arguments: Array(UInt64(1)...UInt64(40)))
    func theServerAcceptsExactlyGenuineApprovalsAndVerifyAgrees(seed: UInt64) throws {
        let clinic = try TestClinic()
        let git = try clinic.git
        let published = try clinic.repository.publishedTip()
        let history = History(git: git, seed: seed)
        let office = People.office
        let rita = People.rita
        var tip = published
        var genuine = true
        var taken: [Step] = []
        let settings = try git.readFile("clinicctl.yaml", at: published) ?? Data()
        for _ in 0..<Int.random(in: 1...4, using: &history.random) {
            // Half the steps genuine, so whole genuine histories come up as often as forged ones.
            let step = Bool.random(using: &history.random) ? .genuineApproval : Step.allCases.randomElement(using: &history.random)!
            taken.append(step)
            // Every draft is the office manager's one edit on the tip (or, for a criss-cross, on an older commit).
            let base = step == .mergeOfOld ? published : tip
            let file = step == .mergeOfOld ? "content/faq/how-does-dry-needling-work.md" : "content/faq/what-is-dry-needling.md"
            let draft = try history.commit(on: base, [try history.answerChange(at: base, file: file)], by: office, message: "FAQ: edit")
            var next: ObjectID?
            switch step {
            case .genuineApproval:
                next = try history.approval(of: draft, onto: tip, approver: rita, committer: rita)
            case .mergeOfOld:
                // A genuine approval of a draft that began further back: still fine when it merges cleanly.
                // Two of them edit the same lines: the later one conflicts, and is not made.
                next = try history.approval(of: draft, onto: tip, approver: rita, committer: rita)
                if next == nil {
                    taken.removeLast()
                    continue
                }
            case .plainCommit:
                next = try history.commit(on: tip, [try history.answerChange(at: tip)], by: office, message: "Quick fix")
            case .selfApproval:
                next = try history.approval(of: draft, onto: tip, approver: office, committer: office)
            case .strangerApproval:
                next = try history.approval(of: draft, onto: tip, approver: People.paul, committer: People.paul)
            case .forgedCommitter:
                next = try history.approval(of: draft, onto: tip, approver: rita, committer: office)
            case .misnamedTip:
                next = try history.approval(of: draft, onto: tip, approver: rita, committer: rita, recordedTip: tip)
            case .evilTree:
                let honest = try #require(try history.approval(of: draft, onto: tip, approver: rita, committer: rita))
                let changed = try history.commit(
                    on: honest, [try history.answerChange(at: honest, file: "content/faq/is-the-procedure-painful.md")], by: rita,
                    message: "x")
                next = try history.approval(of: draft, onto: tip, approver: rita, committer: rita, tree: try git.commit(changed).tree)
            case .unacceptedSettings:
                let widened = Data(
                    (String(decoding: settings, as: UTF8.self) + "  - name: \"Olivia Office\"\n    email: office@clinic.example\n").utf8)
                let grant = try history.commit(
                    on: tip, [.write(path: "clinicctl.yaml", contents: widened)], by: office, message: "Settings")
                next = try history.approval(of: grant, onto: tip, approver: rita, committer: rita)
            case .newRoot:
                next = try history.commit(
                    on: nil, [.write(path: "clinicctl.yaml", contents: settings)], by: office, message: CommitRecord.creation.message)
            }
            let made = try #require(next, "step \(step) of seed \(seed) made no commit")
            if taken.last != .genuineApproval && taken.last != .mergeOfOld { genuine = false }
            tip = made
        }

        let update = try #require(ProposedUpdate(line: "\(published.hex) \(tip.hex) refs/heads/main"))
        let refusals = try clinic.repository.server.checkPush([update])
        #expect(refusals.isEmpty == genuine, "seed \(seed), steps \(taken): \(refusals.map(\.reason))")
        let checks = try clinic.repository.team.verifyApprovals(from: tip.hex)
        #expect(checks.allSatisfy(\.passes) == genuine, "seed \(seed), steps \(taken): \(checks.map(\.detail))")
        #expect(checks.count >= (genuine ? taken.count : 1), "seed \(seed), steps \(taken)")
    }
}
