import ClinicTestSupport
import Foundation
import Testing

/// A shared bare repository served over git:// on loopback, and clones of it as the team's computers.
final class Team {
    let box: Sandbox
    let server: GitDaemon
    var url: String { server.url("repo") }

    /// The web root the server's post-receive publishes into (when its hooks are installed).
    var webRoot: URL { box.root.appendingPathComponent("webroot") }

    /// `serverEnvironment` is added to the server's (and so its hooks') environment.
    init(reviewers: [String] = [Sandbox.reviewer, Sandbox.secondReviewer], serverEnvironment: [String: String] = [:]) throws {
        box = try Sandbox(reviewers: reviewers, bare: true)
        server = try teamGitServer(
            serving: box.root,
            environment: ["CLINIC_WEBROOT": box.root.appendingPathComponent("webroot").path].merging(serverEnvironment) { $1 })
    }

    deinit { server.stop() }

    /// `clinicctl clone` into `name` beside the server, as `person`.
    @discardableResult
    func clone(_ name: String, as person: String) throws -> (URL, Run) {
        let folder = box.root.appendingPathComponent(name)
        let run = try box.clinicctl(["clone", url, folder.path], as: person, in: box.root)
        #expect(run.status == 0, "clone: \(run.stderr)")
        // The clone records which branch is published in its own config (issue 15), and says nothing about a fallback.
        #expect(
            try box.git(["config", "clinicctl.publishedBranch"], in: folder).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                == "main")
        #expect(!run.stderr.contains("git config clinicctl.publishedBranch"), "\(run.stderr)")
        return (folder, run)
    }

    /// A ref's id on the server, through git.
    func serverRef(_ ref: String) throws -> String {
        try box.git(["rev-parse", "--verify", "-q", ref]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

@Suite("Team: clone and sync over a real server")
struct TeamSyncTests {
    @Test func officeManagerAndReviewerWorkFromTwoComputers() throws {
        let team = try Team()
        let (office, cloned) = try team.clone("office", as: Sandbox.manager)
        #expect(cloned.stdout.contains("Next:"))
        let box = team.box
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        #expect(
            try box.clinicctl(["hours", "set", "glenview", "sat", "9am-1pm", "--draft", "faq-do-you-take-insurance"], in: office).status
                == 0)
        let sent = try box.clinicctl(["sync"], in: office)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("draft faq-do-you-take-insurance: pushed"))
        let officeDraft = try box.git(["rev-parse", "drafts/faq-do-you-take-insurance"], in: office).stdout
        #expect(try team.serverRef("refs/heads/drafts/faq-do-you-take-insurance") + "\n" == officeDraft)

        let (laptop, laptopClone) = try team.clone("laptop", as: Sandbox.reviewer)
        #expect(laptopClone.stdout.contains("faq-do-you-take-insurance"))
        let show = try box.clinicctl(["review", "show", "faq-do-you-take-insurance"], as: Sandbox.reviewer, in: laptop)
        #expect(show.stdout.contains("Do you take insurance?"))
        // In a clone, approving sends the approval to the server at once.
        let approved = try box.clinicctl(["review", "approve", "faq-do-you-take-insurance"], as: Sandbox.reviewer, in: laptop)
        #expect(approved.status == 0, "\(approved.stderr)")
        let laptopMain = try box.git(["rev-parse", "main"], in: laptop).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try team.serverRef("refs/heads/main") == laptopMain)

        let back = try box.clinicctl(["sync"], in: office)
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.contains("main: someone else added edits; your copy was updated"))
        #expect(back.stdout.contains("draft faq-do-you-take-insurance: closed on the server"))
        #expect(try box.git(["rev-parse", "main"], in: office).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == laptopMain)
        #expect(try box.clinicctl(["drafts"], in: office).stdout.contains("faq-do-you-take-insurance") == false)
        #expect(try box.clinicctl(["faq", "list"], in: office).stdout.contains("Do you take insurance?"))
        // The checkout came along: the file on disk is the published one.
        #expect(try box.git(["status", "--porcelain"], in: office).stdout.isEmpty)
    }

    @Test(arguments: [false, true])
    func aDraftEditedOnTwoComputersLosesNoEdit(laptopFirst: Bool) throws {
        let team = try Team()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.secondReviewer)
        let draft = "faq-do-you-take-insurance"
        #expect(
            try box.clinicctl(["hours", "set", "glenview", "sat", "9am-1pm", "--draft", draft], as: Sandbox.secondReviewer, in: laptop)
                .status == 0)
        #expect(try box.clinicctl(["hours", "set", "the-loop", "sun", "10am-2pm", "--draft", draft], in: office).status == 0)

        let (first, second) = laptopFirst ? (laptop, office) : (office, laptop)
        #expect(try box.clinicctl(["sync"], as: Sandbox.secondReviewer, in: first).status == 0)
        let late = try box.clinicctl(["sync"], as: Sandbox.secondReviewer, in: second)
        #expect(late.status == 0, "\(late.stderr)")
        #expect(late.stdout.contains("draft \(draft): edited on two computers; your edits were re-applied"))
        #expect(try box.clinicctl(["sync"], as: Sandbox.secondReviewer, in: first).stdout.contains("your copy was updated"))

        let log = try box.git(["log", "--format=%s", "refs/heads/drafts/\(draft)"]).stdout
        #expect(log.contains("Do you take insurance?"))
        #expect(log.contains("glenview"))
        #expect(log.contains("the-loop"))
        let tips = try [office, laptop].map { try box.git(["rev-parse", "drafts/\(draft)"], in: $0).stdout }
        #expect(tips[0] == tips[1])
    }
}

@Suite("Team: conflicting edits on two computers")
struct TeamSyncConflictTests {
    @Test func conflictingEditsAreKeptAsAnotherDraft() throws {
        let team = try Team()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        let draft = "faq-do-you-take-insurance"
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.secondReviewer)
        let edit = ["faq", "edit", "do-you-take-insurance", "--draft", draft, "--answer"]
        #expect(try box.clinicctl(edit + ["Most plans."], as: Sandbox.secondReviewer, in: laptop).status == 0)
        #expect(try box.clinicctl(edit + ["Only Medicare."], in: office).status == 0)
        let officeTip = try box.git(["rev-parse", "drafts/\(draft)"], in: office).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try box.clinicctl(["sync"], as: Sandbox.secondReviewer, in: laptop).status == 0)

        let late = try box.clinicctl(["sync"], in: office)
        #expect(late.status == 0, "\(late.stderr)")
        #expect(
            late.stdout.contains(
                "draft \(draft): edited on two computers and the edits conflict; your edits are kept as draft \(draft)-conflict-1"))
        // Nothing lost: the office's commits are the kept draft on the server, the laptop's are the draft.
        #expect(try team.serverRef("refs/heads/drafts/\(draft)-conflict-1") == officeTip)
        #expect(try box.show("refs/heads/drafts/\(draft)", "content/faq/do-you-take-insurance.md").contains("Most plans."))
    }
}

@Suite("Team: two reviewers approving at the same time")
struct TeamSyncApprovalTests {
    @Test func bothApprovalsLandOnTheServerOnceEach() throws {
        let team = try Team()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["hours", "set", "glenview", "sat", "9am-1pm"], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (rita, _) = try team.clone("rita", as: Sandbox.reviewer)
        let (sam, _) = try team.clone("sam", as: Sandbox.secondReviewer)
        // Rita's approval reaches the server first; Sam's copy still has the old published tip.
        #expect(try box.clinicctl(["review", "approve", "faq-do-you-take-insurance"], as: Sandbox.reviewer, in: rita).status == 0)
        let second = try box.clinicctl(["review", "approve", "hours-glenview"], as: Sandbox.secondReviewer, in: sam)
        #expect(second.status == 0, "\(second.stderr)")
        let log = try box.git(["log", "--first-parent", "--format=%s", "main"]).stdout
        #expect(log.components(separatedBy: "Approve draft faq-do-you-take-insurance").count == 2)
        #expect(log.components(separatedBy: "Approve draft hours-glenview").count == 2)
        #expect(try box.git(["rev-parse", "main"], in: sam).stdout == box.git(["rev-parse", "main"]).stdout)
    }
}
