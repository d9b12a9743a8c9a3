import ClinicWorkflow
import Foundation

extension Output {
    /// One warning per closing record that does not count: it closed nothing, whatever it says.
    static func noteUnverified(_ records: [ClosingRecord]) {
        for record in records {
            note("warning: \(record.reference) is an unverified \(record.title): \(record.unverified ?? "?"); it closes nothing")
        }
    }
}
