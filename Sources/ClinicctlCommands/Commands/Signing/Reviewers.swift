import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct Reviewers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviewers",
        abstract: "The people who may approve drafts, and the SSH keys their approvals are signed with.",
        subcommands: [List.self, Add.self, Remove.self, AllowedSigners.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the reviewers and their keys on the published branch.")
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let repository = try repository.open()
            if output.json { return try Output.printJSON(repository.config.reviewers) }
            let keys = repository.signatures.listedKeys()
            print("Signed approvals \(repository.config.requireSignedApprovals ? "required" : "not required").")
            for reviewer in repository.config.reviewers {
                print("\(reviewer.name) <\(reviewer.email)>")
                for key in keys where key.reviewer.email == reviewer.email { print("  \(key.fingerprint) \(key.type)") }
            }
        }
    }

    struct AllowedSigners: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "allowed-signers",
            abstract: "Print the reviewers' keys as Git's allowed signers file (gpg.ssh.allowedSignersFile).")
        @OptionGroup var repository: RepositoryOptions

        func run() throws { print(try repository.open().signatures.allowedSigners(), terminator: "") }
    }
}
