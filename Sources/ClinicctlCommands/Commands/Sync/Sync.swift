import ArgumentParser
import ClinicWorkflow
import Foundation

/// `clinicctl sync`: exchange drafts, approvals and records with the shared repository.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Send your drafts and approvals to the shared repository and get everyone else's.",
        discussion: """
            Never overwrites or deletes anything on the server. A draft edited on two computers keeps both
            sides' edits; when they conflict, yours are kept as <draft>-conflict-<n>. Exits 1 when the
            server refused something, with its reason, and 3 when it took your approvals but its publish
            failed (`the server could not publish: …`). A shared repository that is a folder on this
            computer runs no server hooks: sync says so. Each draft's line says what happened in words:
            who approved, rejected (and why) or discarded it, a new draft that waits for your review,
            a draft that changed since `review show` showed it to you, a new note.
            """)
    @Option(help: "The remote to sync with.") var remote = "origin"
    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var person: PersonOption
    @OptionGroup var output: JSONOption

    func run() throws {
        let opened = try repository.open()
        // Who is syncing, for the lines meant for them; sync itself needs no one (a bad --as is still an error).
        let reader = person.author == nil ? try? opened.identity(explicit: nil) : try opened.identity(explicit: person.author)
        let report = try opened.team.sync(remote: remote, as: reader)
        if output.json {
            try Output.printJSON(report)
        } else {
            if report.lines.isEmpty { print("Everything is up to date with \(report.remote).") }
            for line in report.lines { print(line.text) }
            if report.checkoutUpdated { print("Your files now show the published content.") }
        }
        Output.noteLocalServer(opened.server.localServerFolder(remote: remote))
        if report.hasRefusals { throw ExitCode.failure }
        if let words = report.serverPublishFailure { throw Output.serverCouldNotPublish(words) }
    }
}
