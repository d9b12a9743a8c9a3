import ClinicContent
import ClinicWorkflow
import Foundation

/// What one notifier run is given: the event as one JSON document on standard input,
/// and the same facts in environment variables for a notifier that needs no JSON reader.
enum NotifierInput {
    /// The largest event document sent; longer text (a reason, a note, a title) is cut to fit,
    /// since a hook's input is written before it starts and must fit in a pipe's buffer.
    static let largestDocument = 12_000

    /// The event as one line of JSON (keys sorted, dates in ISO 8601, UTC), ending in a newline,
    /// and the event as that document tells it (its text cut where it had to be).
    static func document(_ event: ClinicEvent) throws -> (event: ClinicEvent, document: Data) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var event = event
        var data = try encoder.encode(event)
        var keep = 4_000
        while data.count > largestDocument && keep >= 16 {
            event.title = event.title.map { cut($0, to: keep) }
            event.reason = event.reason.map { cut($0, to: keep) }
            event.note = event.note.map { cut($0, to: keep) }
            event.by = event.by.map { Person(name: cut($0.name, to: keep), email: cut($0.email, to: keep)) }
            event.draft = event.draft.map { cut($0, to: keep) }
            data = try encoder.encode(event)
            keep /= 2
        }
        return (event, data + Data("\n".utf8))
    }

    /// `text` shortened to `count` characters, saying that it was.
    static func cut(_ text: String, to count: Int) -> String {
        text.count <= count ? text : String(text.prefix(count)) + "… (cut)"
    }

    /// The notifier's environment: the server's, with `CLINICCTL_*` describing the event (as
    /// `document` cut it) and the repository, and the running clinicctl first on `PATH`.
    static func environment(
        _ base: [String: String], event: ClinicEvent, repository: ContentRepository, toolDirectory: URL?
    ) -> [String: String] {
        var environment = base
        environment["CLINICCTL_EVENT"] = event.kind.rawValue
        environment["CLINICCTL_DRAFT"] = event.draft ?? ""
        environment["CLINICCTL_REVISION"] = event.revision.hex
        environment["CLINICCTL_PREVIOUS_REVISION"] = event.previousRevision?.hex ?? ""
        environment["CLINICCTL_TITLE"] = event.title ?? ""
        environment["CLINICCTL_BY"] = event.by?.description ?? ""
        environment["CLINICCTL_REASON"] = event.reason ?? ""
        environment["CLINICCTL_NOTE"] = event.note ?? ""
        environment["CLINICCTL_TIME"] = ISO8601DateFormatter().string(from: event.time)
        environment["CLINICCTL_PUBLISHED_BRANCH"] = repository.config.publishedBranch
        environment["CLINICCTL_REPOSITORY"] = repository.repositoryFolder.path
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        environment["PATH"] = toolDirectory.map { $0.path + ":" + path } ?? path
        return environment
    }
}
