import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension DraftCommand {
    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note",
            abstract: "Leave a note on a draft for its reviewer or author (\"approve on Jan 11\"); it travels with the draft.",
            discussion: """
                A note is one line or a short paragraph (at most \(DraftNote.maximumCharacters) characters, \
                \(DraftNote.maximumLines) lines). It is only ever added, never changed: `review show` lists a \
                draft's notes, `drafts` counts them, `inbox` shows them, and `sync` tells the others. The \
                draft's authors and reviewers may leave one.
                """)
        @Argument(help: "The draft's id.") var id: DraftID
        @Argument(help: "What the note says.") var text: String
        @Flag(help: "In a clone: keep the note here only, and send it later with `clinicctl sync`.") var local = false
        @OptionGroup var write: IdentityOptions
        @OptionGroup var signing: SigningOption

        func run() throws {
            let (repository, person) = try write.open()
            let signingKey = try signing.key(repository)
            var delivery: RecordDelivery?
            let note: DraftNote
            if Delivery.choose(for: repository, hereOnly: local) == .throughServer {
                (note, delivery) = try repository.drafts.addNoteThroughServer(to: id.text, text: text, as: person, signingKey: signingKey)
            } else {
                note = try repository.drafts.addNote(to: id.text, text: text, as: person, signingKey: signingKey)
            }
            defer { Output.noteDelivery(delivery, of: "the note on draft \(id)") }
            if write.json { return try Output.printJSON(note, in: try repository.reviews.clinicTimeZone()) }
            print("Noted on draft \(id) (\(note.record.short), kept under \(note.reference)):")
            print(Output.wrap(note.text, indent: "  "))
            print("It shows in `clinicctl review show \(id)`, `clinicctl drafts` and `clinicctl inbox`.")
        }
    }
}
