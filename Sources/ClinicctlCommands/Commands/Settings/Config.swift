import ArgumentParser
import ClinicWorkflow
import Foundation

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or change this repository's own settings (kept outside the content, never committed).",
        discussion: """
            `clinicctl config --as "Name <email>"` saves who you are for this repository, so
            you need not pass --as each time. --as on a command and CLINICCTL_AUTHOR still come
            first; Git's user.name and user.email come after. With no option, shows the settings.
            """)

    @OptionGroup var repository: RepositoryOptions
    @Option(
        name: .customLong("as"), help: ArgumentHelp("Save who you are for this repository.", valueName: "Name <email>"))
    var author: String?
    @Flag(help: "Forget the identity saved for this repository.") var unsetAs = false
    @OptionGroup var output: JSONOption

    func validate() throws {
        try OnlyOne.check(["--as": author != nil, "--unset-as": unsetAs])
        if let author, Person(parsing: author) == nil {
            throw ValidationError("--as \"\(author)\" is not of the form \"Name <email@example.com>\"")
        }
    }

    func run() throws {
        let repository = try self.repository.open()
        if let author {
            let person = try repository.saveAuthor(author)
            if !output.json {
                print("Saved: clinicctl acts as \(person) in this repository (unless --as or CLINICCTL_AUTHOR says otherwise).")
            }
        } else if unsetAs {
            let removed = try repository.forgetAuthor()
            if !output.json {
                print(removed ? "Forgot the identity saved for this repository." : "No identity was saved for this repository.")
            }
        }
        let settings = try repository.localSettings()
        if output.json { return try Output.printJSON(settings) }
        if author != nil || unsetAs { return }
        print("Saved identity: \(settings.savedAuthor?.description ?? "none (save one with `clinicctl config --as \"Name <email>\"`)")")
        if let acting = settings.actingAs, let source = settings.actingAsSource {
            print("Acting as:      \(acting) (from \(source.rawValue))")
        } else {
            print("Acting as:      nobody known; give --as, or save one with `clinicctl config --as \"Name <email>\"`")
        }
    }
}
