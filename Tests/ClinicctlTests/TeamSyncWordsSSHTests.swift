import Foundation
import Testing

/// What `sync` tells each person, and a note that travels, over ssh as over `git daemon`.
@Suite("Team over ssh: sync tells people what happened", .enabled(if: TeamSSHServer.available, "needs sshd: make test-deps"))
struct TeamSyncWordsSSHTests {
    @Test func syncNamesTheApproverTheRejectionReasonAndANoteOverSSH() throws {
        let box = try Sandbox(bare: true)
        let ssh = try TeamSSHServer(in: box.root.appendingPathComponent("ssh"))
        defer { ssh.stop() }
        let access = [
            "CLINICCTL_SSH_KEY": ssh.userKey.path, "CLINICCTL_KNOWN_HOSTS": try ssh.knownHosts(listing: "host-key").path,
            "SSH_AUTH_SOCK": "",
        ]
        @discardableResult
        func run(_ arguments: [String], as person: String = Sandbox.manager, in folder: URL) throws -> Run {
            let run = try box.clinicctl(arguments, as: person, in: folder, environment: access)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            return run
        }
        let office = box.root.appendingPathComponent("office")
        let laptop = box.root.appendingPathComponent("laptop")
        try run(["clone", ssh.url(box.repo), office.path], in: box.root)
        try run(["clone", ssh.url(box.repo), laptop.path], as: Sandbox.reviewer, in: box.root)
        try run(TeamEdits.insurance, in: office)
        try run(TeamEdits.parking, in: office)
        try run(["sync"], in: office)

        let fetched = try run(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(
            fetched.stdout.contains(
                "draft faq-is-parking-free: fetched from the server; new draft from Olivia Office waits for your review"))
        try run(["draft", "note", "faq-do-you-take-insurance", "approve on Jan 11"], as: Sandbox.reviewer, in: laptop)
        try run(["review", "approve", "faq-do-you-take-insurance"], as: Sandbox.reviewer, in: laptop)
        try run(["review", "reject", "faq-is-parking-free", "--reason", "Keep the company page"], as: Sandbox.reviewer, in: laptop)

        let told = try run(["sync"], in: office)
        #expect(told.stdout.contains("draft faq-do-you-take-insurance: closed on the server, approved by Rita Reviewer"), "\(told.stdout)")
        #expect(
            told.stdout.contains("draft faq-is-parking-free: closed on the server, rejected by Rita Reviewer: \"Keep the company page\""))
        #expect(told.stdout.contains("draft faq-do-you-take-insurance: note from Rita Reviewer: \"approve on Jan 11\""))
        let inbox = try run(["inbox"], in: office)
        #expect(inbox.stdout.contains("  clinicctl draft reopen faq-is-parking-free\n"), "\(inbox.stdout)")
    }
}
