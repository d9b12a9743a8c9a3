import Foundation
import Testing

/// A host without clinicctl's hooks (GitHub-like: it takes any push) gets its check from
/// `hooks install --ci`: a workflow whose commands are run here, as the forge's CI would
/// run them in a fresh clone, on the real history and on forged ones.
@Suite("CI check: a hosted forge refuses what the server hook would")
struct CICheckTests {
    private func plainGit(_ arguments: [String], in folder: URL) throws -> Run {
        try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: folder,
            environment: [
                "GIT_AUTHOR_NAME": "Olivia Office", "GIT_AUTHOR_EMAIL": "office@clinic.example", "GIT_COMMITTER_NAME": "Olivia Office",
                "GIT_COMMITTER_EMAIL": "office@clinic.example",
            ], stdin: nil)
    }

    /// Runs the workflow's check commands in a fresh plain-Git clone of the server's published branch,
    /// as CI does; returns each command's run.
    private func runChecks(_ commands: [String], team: Team, name: String) throws -> [Run] {
        let folder = team.box.root.appendingPathComponent(name)
        #expect(try plainGit(["clone", "-q", team.url, folder.path], in: team.box.root).status == 0)
        return try commands.map { command in
            let words = command.split(separator: " ").map(String.init)
            #expect(words.first == "clinicctl", "\(command)")
            return try Sandbox.execute(clinicctlBinary, Array(words.dropFirst()), in: folder, environment: [:], stdin: nil)
        }
    }

    @Test(arguments: ["github", "gitlab", "forgejo"])
    func theWorkflowIsOpenedAsADraftAndItsChecksFailOnForgedHistories(forge: String) throws {
        let team = try Team()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        let installed = try box.clinicctl(["hooks", "install", "--ci", forge], in: office)
        #expect(installed.status == 0, "\(installed.stderr)")
        let draft = "ci-\(forge)"
        let path = [
            "github": ".github/workflows/clinicctl.yml", "gitlab": ".gitlab-ci.yml", "forgejo": ".forgejo/workflows/clinicctl.yml",
        ][
            forge]!
        #expect(installed.stdout.contains(draft), "\(installed.stdout)")
        let workflow = try box.git(["show", "drafts/\(draft):\(path)"], in: office)
        #expect(workflow.status == 0, "\(workflow.stderr)")
        let root = try box.git(["rev-list", "--max-parents=0", "main"], in: office).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(workflow.stdout.contains("--trusted-start \(root)"))
        // The lines the CI runs: `run: clinicctl ...` (GitHub, Forgejo) or `- clinicctl ...` (GitLab).
        let commands = workflow.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.compactMap {
            line -> String? in
            for prefix in ["run: ", "- "] where line.hasPrefix(prefix + "clinicctl ") { return String(line.dropFirst(prefix.count)) }
            return nil
        }
        #expect(commands.count == 2, "\(workflow.stdout)")
        #expect(try box.clinicctl(["sync"], in: office).status == 0)

        // The reviewer publishes it, which needs --accept files.
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let unaccepted = try box.clinicctl(["review", "approve", draft, "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(unaccepted.status != 0)
        #expect(unaccepted.stderr.contains("files (\(path))"), "\(unaccepted.stderr)")
        let approved = try box.clinicctl(
            ["review", "approve", draft, "--accept", "files", "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(approved.status == 0, "\(approved.stderr)")
        for run in try runChecks(commands, team: team, name: "ci-real") { #expect(run.status == 0, "\(run.stdout) \(run.stderr)") }

        // A plain commit on main: verify fails it by name.
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let clinic = office.appendingPathComponent("content/clinic.yaml")
        try Data(try String(contentsOf: clinic, encoding: .utf8).replacingOccurrences(of: "773", with: "312").utf8).write(to: clinic)
        #expect(try plainGit(["commit", "-qam", "Quick fix: phone"], in: office).status == 0)
        #expect(try plainGit(["push", "-q", "origin", "main"], in: office).status == 0)
        let quick = try plainGit(["rev-parse", "--short=7", "HEAD"], in: office).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let plain = try runChecks(commands, team: team, name: "ci-plain")
        #expect(plain[0].status == 1)
        #expect(plain[0].stdout.contains("\(quick) FAIL not-an-approval"), "\(plain[0].stdout)")

        // A new history from a root of her own, forced onto main: the pinned start fails it.
        #expect(try plainGit(["checkout", "-q", "--orphan", "replaced"], in: office).status == 0)
        #expect(try plainGit(["commit", "-qm", "Start the clinic's content repository\n\nClinic-Change: init"], in: office).status == 0)
        #expect(try plainGit(["push", "-q", "--force", "origin", "replaced:main"], in: office).status == 0)
        let replaced = try runChecks(commands, team: team, name: "ci-replaced")
        #expect(replaced[0].status == 1)
        #expect(replaced[0].stdout.contains("untrusted-start"), "\(replaced[0].stdout)")
    }
}
