import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

/// `clinicctl inbox`: what waits for you, each with the command that acts on it.
struct InboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "What waits for you: drafts to review, your rejected drafts, drafts to update, notes.",
        discussion: """
            As a reviewer: open drafts by others that you may approve, newest first. As an author: your
            drafts that were rejected (with the reviewer's reason), that conflict with what is published
            now, or that someone left a note on since they last changed. Each line ends with the command
            that acts on it. Read from what the last `clinicctl sync` fetched: it works offline.
            """)
    @OptionGroup var identity: IdentityOptions

    func run() throws {
        let (repository, person) = try identity.open()
        let inbox = try repository.inbox(for: person)
        let zone = try repository.reviews.clinicTimeZone()
        if identity.json { return try Output.printJSON(inbox, in: zone) }
        let now = repository.environment.now()
        defer { if let remote = inbox.remote { print(Output.lastSync(with: remote, at: inbox.lastSync, now: now)) } }
        if inbox.isEmpty { return print("Nothing waits for you (\(person.name), \(inbox.isReviewer ? "a reviewer" : "an author")).") }
        print(InboxText.render(inbox, now: now, zone: zone))
    }
}
