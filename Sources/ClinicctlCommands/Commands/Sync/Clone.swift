import ArgumentParser
import ClinicWorkflow
import Foundation

/// `clinicctl clone URL [DIR]`: the first step on a new computer.
struct Clone: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clone",
        abstract: "Copy the clinic's shared repository to this computer.",
        discussion: """
            URL is the shared repository: ssh://user@host/path.git or user@host:path.git (your key from
            CLINICCTL_SSH_KEY, ssh-agent, else ~/.ssh/id_ed25519, id_ecdsa or id_rsa; the server must be in
            ~/.ssh/known_hosts), https://... (a token from CLINICCTL_TOKEN), git://... or a folder. DIR defaults to the repository's name.
            A password written in URL (https://user:password@...) is used for this clone only: it is
            never stored nor printed, so `clinicctl sync` then needs CLINICCTL_TOKEN. Credentials never
            follow a server's redirect to another host.
            """)
    @Argument(help: "The shared repository's address.") var url: String
    @Argument(help: "The folder to create (default: the repository's name).") var directory: String?
    @OptionGroup var output: JSONOption

    func run() throws {
        let context = CommandContext.current
        let folder = URL(fileURLWithPath: context.path(directory ?? Self.defaultFolder(for: url)))
        let (_, result) = try ContentRepository.clone(from: url, into: folder, environment: context.environment)
        if output.json {
            try Output.printJSON(result)
            return Output.noteLocalServer(ContentRepository.localFolder(ofAddress: url))
        }
        print("Copied the clinic's repository into \(result.folder), on \(result.publishedBranch).")
        if !result.drafts.isEmpty { print("Drafts waiting for review: \(result.drafts.joined(separator: ", ")).") }
        if result.passwordNotStored {
            print("The password in the address was used for this clone only and not stored: set CLINICCTL_TOKEN for `clinicctl sync`.")
        }
        print(Output.cloneNextSteps(folder: result.folder))
        Output.noteLocalServer(ContentRepository.localFolder(ofAddress: url))
    }

    /// "ssh://host/srv/clinic.git" -> "clinic", as `git clone` names the folder. Never from the
    /// user information ("https://olivia:SECRET@host" -> "host", not "SECRET@host").
    static func defaultFolder(for url: String) -> String {
        let last = url.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? "clinic"
        var name = last.split(separator: "@", omittingEmptySubsequences: false).last.map(String.init) ?? last
        if name.hasSuffix(".git") { name.removeLast(4) }
        return name.isEmpty ? "clinic" : name
    }
}
