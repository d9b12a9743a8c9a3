import ClinicContent
import ClinicWorkflow
import Foundation

/// `clinicctl inbox` in words: one section per kind of thing that waits, one line per draft
/// ending with the command that acts on it, its notes below it.
enum InboxText {
    static let headings: [(Inbox.Item.Kind, String)] = [
        (.toReview, "To review, newest first"),
        (.rejected, "Rejected: reopen to fix"),
        (.needsUpdate, "Conflict with what is published now: update"),
        (.noted, "Notes on your drafts"),
    ]
    /// The notes shown under a line; `review show` lists them all.
    static let notesShown = 3

    static func render(_ inbox: Inbox, now: Date, zone: ClinicTimeZone) -> String {
        var out: [String] = []
        for (kind, heading) in headings {
            let items = inbox.items(kind)
            guard !items.isEmpty else { continue }
            if !out.isEmpty { out.append("") }
            out.append("\(heading) (\(items.count)):")
            let rows = items.map { [$0.draft, Output.age($0.since, now: now), who($0, for: inbox.person), what($0), $0.next.command] }
            for (item, line) in zip(items, Output.table(rows, indent: "  ").split(separator: "\n")) {
                out.append(String(line))
                out += notes(item.notes, zone: zone, more: "clinicctl review show \(item.draft)")
            }
        }
        return out.joined(separator: "\n")
    }

    static func who(_ item: Inbox.Item, for person: Person) -> String {
        switch item.kind {
        case .toReview: "by " + item.authors.map(\.name).joined(separator: ", ")
        case .rejected: "rejected by \(item.rejectedBy?.name ?? "a reviewer")"
        case .needsUpdate: "conflicts in \(item.conflicts.joined(separator: ", "))"
        case .noted: "note from \(item.notes.last { !$0.by.isSame(as: person) }?.by.name ?? "someone")"
        }
    }

    static func what(_ item: Inbox.Item) -> String {
        switch item.kind {
        case .toReview: item.title + (item.changedSinceRead ? " (changed since you read it)" : "")
        case .rejected: quoted(item.reason ?? "")
        case .needsUpdate, .noted: item.title
        }
    }

    /// The newest few notes, oldest first, one line each, indented under their draft.
    static func notes(_ notes: [DraftNote], zone: ClinicTimeZone, more command: String) -> [String] {
        var lines = notes.suffix(notesShown).map { "    note from \($0.by.name), \(zone.text($0.time)): \(quoted($0.text))" }
        if notes.count > notesShown { lines.insert("    (\(notes.count - notesShown) older notes: \(command))", at: 0) }
        return lines
    }

    /// Free text on one line, in quotes.
    static func quoted(_ text: String) -> String {
        "\"" + text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") + "\""
    }
}
