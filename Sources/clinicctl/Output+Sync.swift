import ClinicWorkflow
import Foundation

extension Output {
    /// The reminder after a writing command in a clone: the change has not reached the server.
    static let localUntilSync = "This draft is on this computer only until `clinicctl sync`."

    /// A warning when a closing record could not reach the server, with how to finish.
    static func noteDelivery(_ delivery: RecordDelivery?, of what: String) {
        guard let problem = delivery?.problem else { return }
        note("warning: \(what) did not reach the server: \(problem).")
    }

    /// The per-draft place in words, with the last sync, for `drafts` and `status`.
    static func lastSync(_ places: DraftPlaces, now: Date) -> String { lastSync(with: places.remote, at: places.lastSync, now: now) }

    /// When this copy last synced with `remote`, in words.
    static func lastSync(with remote: String, at last: Date?, now: Date) -> String {
        guard let last else { return "Never synced with \(remote) (run `clinicctl sync`)." }
        return "Last sync with \(remote): \(ISO8601DateFormatter().string(from: last)) (\(age(last, now: now)) ago)."
    }
}
