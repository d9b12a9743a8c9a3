import ArgumentParser
import ClinicWorkflow
import Foundation

extension Output {
    /// The reminder after a writing command in a clone: the change has not reached the server.
    static let localUntilSync = "This draft is on this computer only until `clinicctl sync`."

    /// A warning when a closing record could not reach the server, with how to finish.
    static func noteDelivery(_ delivery: RecordDelivery?, of what: String) {
        guard let delivery, let problem = delivery.problem else { return }
        note("warning: \(what) did not reach the server: \(problem)\(delivery.remedy?.words ?? "").")
    }

    /// The per-draft place in words, with the last sync, for `drafts` and `status`.
    static func lastSync(_ places: DraftPlaces, now: Date) -> String { lastSync(with: places.remote, at: places.lastSync, now: now) }

    /// When this copy last synced with `remote`, in words.
    static func lastSync(with remote: String, at last: Date?, now: Date) -> String {
        guard let last else { return "Never synced with \(remote) (run `clinicctl sync`)." }
        return "Last sync with \(remote): \(ISO8601DateFormatter().string(from: last)) (\(age(last, now: now)) ago)."
    }

    /// Said once by `clone`, `sync` and `review approve` when the shared repository is a folder on
    /// this computer: libgit2 writes into it itself, so none of its hooks run (docs/team.md).
    static func noteLocalServer(_ folder: String?) {
        guard let folder else { return }
        note(
            "note: the shared repository \(folder) is a folder on this computer, not a server: clinicctl writes into it "
                + "directly and none of its hooks run, so no server rules check what is sent there and nothing is published "
                + "there. For those, reach it through a server (ssh://, https:// or git://; see docs/team.md)")
    }

    /// Said when the server's post-receive said its publish failed (`ServerPublishReport`), with
    /// the exit status `Failure.serverCouldNotPublish`.
    static func serverCouldNotPublish(_ words: String) -> ExitCode {
        note(
            "error: the server could not publish: \(words)\nThe approval stands on the server; the website does not show it yet. "
                + "Whoever runs the server can publish it there with `clinicctl publish` once the cause is fixed.")
        return ExitCode(Failure.serverCouldNotPublish)
    }
}
