import ArgumentParser
import ClinicWorkflow
import Foundation

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the signature on every approval of the published branch.",
        discussion: """
            Each approval counts only when signed, for Git, over the exact commit, with a key listed
            for the approving reviewer in clinicctl.yaml as it was just before the approval, by
            someone who wrote nothing in the draft. Exits 1 when an approval fails.
            """)
    @Argument(help: ArgumentHelp("Check the history from this commit (default: the published tip).", valueName: "rev"))
    var revision: String?
    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let repository = try repository.open()
        let checks = try repository.verifyApprovals(from: revision)
        if output.json {
            try Output.printJSON(checks)
        } else if checks.isEmpty {
            print("No approvals to check.")
        } else {
            for check in checks {
                let who = check.approvedBy?.description ?? "(no approver recorded)"
                let key = check.fingerprint.map { " \($0)" } ?? ""
                print(
                    "\(check.commit.short) \(check.passes ? "ok  " : "FAIL") \(check.verdict.rawValue)\(key): approved by \(who); \(check.detail)"
                )
            }
        }
        let failed = checks.filter { !$0.passes }
        if !failed.isEmpty {
            if !output.json { print("\(failed.count) of \(checks.count) approvals fail.") }
            throw ExitCode.failure
        }
    }
}
