import ClinicWorkflow
import Foundation

extension Output {
    /// One warning per closing record that does not count: it closed nothing, whatever it says.
    static func noteUnverified(_ records: [ClosingRecord]) {
        for record in records {
            note("warning: \(record.reference) is an unverified \(record.title): \(record.unverified ?? "?"); it closes nothing")
        }
    }

    /// The notes that count; one warning for each that does not, which is not shown as its writer's.
    static func verifiedNotes(_ notes: [DraftNote]) -> [DraftNote] {
        for note in notes where !note.verified {
            Output.note(
                "warning: \(note.reference) is an unverified note on draft \(note.draft): \(note.unverified ?? "?"); it is not shown")
        }
        return notes.filter(\.verified)
    }
}
