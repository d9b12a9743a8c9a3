import ArgumentParser
import ClinicWorkflow
import Foundation

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that every commit of the published branch is an approval that holds.",
        discussion: """
            Every commit on the published branch's first-parent line after its first one must be an
            approval by a reviewer listed in clinicctl.yaml as it was just before it, who wrote
            nothing in the draft, whose commit is exactly the merge of the published tip and the
            approved draft, with hooks, settings and other files accepted explicitly. A signature,
            required where clinicctl.yaml says so, counts only when made for Git over the exact
            commit with a key listed for that reviewer. The first commit must be the one this copy
            trusts (recorded by init and clone). Exits 1 when a commit fails.
            """)
    @Argument(help: ArgumentHelp("Check the history from this commit (default: the published tip).", valueName: "rev"))
    var revision: String?
    @Option(
        help: ArgumentHelp(
            "Trust the history from this commit on (default: the one init or clone recorded); what a CI check pins.",
            valueName: "commit"))
    var trustedStart: String?
    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let repository = try repository.open()
        let checks = try repository.team.verifyApprovals(from: revision, trustedStart: trustedStart)
        if output.json {
            try Output.printJSON(checks)
        } else if checks.isEmpty {
            print("No approvals to check.")
        } else {
            for check in checks {
                let key = check.fingerprint.map { " \($0)" } ?? ""
                let who = check.approvedBy.map { "approved by \($0); " } ?? ""
                print("\(check.commit.short) \(check.passes ? "ok  " : "FAIL") \(check.verdict.rawValue)\(key): \(who)\(check.detail)")
            }
        }
        let failed = checks.filter { !$0.passes }
        if !failed.isEmpty {
            if !output.json { print("\(failed.count) of \(checks.count) approvals fail.") }
            throw ExitCode.failure
        }
    }
}
