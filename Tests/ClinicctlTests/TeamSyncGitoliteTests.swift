import ClinicTestSupport
import Foundation
import Testing

/// Issue 25, item 7: the two-person story through gitolite3 over ssh, clinicctl's hooks
/// installed as gitolite repo-specific hooks.
@Suite(
    "Team: gitolite3 with clinicctl's hooks as repo-specific hooks",
    .enabled(if: GitoliteServer.available, "needs gitolite3 and openssh-server: make test-deps"))
struct TeamSyncGitoliteTests {
    @Test func officeManagerAndReviewerWorkThroughGitoliteAndAForgedPushIsRefused() throws {
        let box = try Sandbox(bare: true)
        let server = try GitoliteServer(in: box.root.appendingPathComponent("gitolite"), people: ["olivia", "rita"], box: box)
        defer { server.stop() }
        func environment(_ person: String) -> [String: String] {
            ["CLINICCTL_SSH_KEY": server.key(person).path, "CLINICCTL_KNOWN_HOSTS": server.knownHosts.path, "SSH_AUTH_SOCK": ""]
        }
        let office = box.root.appendingPathComponent("office")
        let cloned = try box.clinicctl(["clone", server.url, office.path], in: box.root, environment: environment("olivia"))
        #expect(cloned.status == 0, "\(cloned.stderr)")
        #expect(try box.clinicctl(TeamEdits.insurance, in: office).status == 0)
        let sent = try box.clinicctl(["sync"], in: office, environment: environment("olivia"))
        #expect(sent.stdout.contains("draft faq-do-you-take-insurance: pushed"), "\(sent.stdout) \(sent.stderr)")

        let laptop = box.root.appendingPathComponent("laptop")
        let rita = environment("rita")
        let laptopClone = try box.clinicctl(["clone", server.url, laptop.path], as: Sandbox.reviewer, in: box.root, environment: rita)
        #expect(laptopClone.stdout.contains("faq-do-you-take-insurance"), "\(laptopClone.stdout) \(laptopClone.stderr)")
        let approved = try box.clinicctl(
            ["review", "approve", "faq-do-you-take-insurance"], as: Sandbox.reviewer, in: laptop, environment: rita)
        #expect(approved.status == 0, "\(approved.stdout) \(approved.stderr)")
        let main = try box.gitOutput(["--git-dir", server.repository.path, "rev-parse", "main"])
        #expect(approved.stdout.contains("(\(main.prefix(7)), by 10-webroot"), "\(approved.stdout)")
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: server.webRoot.appendingPathComponent("current").path)
                == "releases/\(main)")

        let back = try box.clinicctl(["sync"], in: office, environment: environment("olivia"))
        #expect(back.stdout.contains("draft faq-do-you-take-insurance: closed on the server"), "\(back.stdout) \(back.stderr)")

        // Olivia pushes a commit of her own to main with plain git: gitolite lets her write, clinicctl's pre-receive refuses it.
        try Data("# sneaked in\n".utf8).write(to: office.appendingPathComponent("NOTES.md"))
        #expect(try box.git(["add", "NOTES.md"], in: office).status == 0)
        #expect(try box.git(["-c", "user.name=O", "-c", "user.email=o@x.example", "commit", "-qm", "Sneak"], in: office).status == 0)
        let ssh = "ssh -i \(server.key("olivia").path) -o IdentitiesOnly=yes -o UserKnownHostsFile=\(server.knownHosts.path)"
        let forged = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/env"), ["git", "push", server.url, "HEAD:refs/heads/main"], in: office,
            environment: ["GIT_SSH_COMMAND": ssh], stdin: nil)
        #expect(forged.status != 0)
        #expect(forged.stderr.contains("is not an approval"), "\(forged.stderr)")
        #expect(try box.gitOutput(["--git-dir", server.repository.path, "rev-parse", "main"]) == main)

        // A key gitolite does not know is refused before any hook runs.
        let strangerFolder = box.root.appendingPathComponent("stranger")
        let stranger = try box.clinicctl(
            ["clone", server.url, strangerFolder.path], in: box.root,
            environment: [
                "CLINICCTL_SSH_KEY": server.key("host").path, "CLINICCTL_KNOWN_HOSTS": server.knownHosts.path, "SSH_AUTH_SOCK": "",
            ])
        #expect(stranger.status != 0)
    }
}
