import ClinicContent
internal import ClinicGit
import Foundation

// MARK: - Reading

extension CommitRecord {
    /// Reads a message clinicctl wrote; nil for any other message (a commit
    /// made with `git`, or a record missing a trailer it needs).
    ///
    /// The trailers are read the way `git interpret-trailers --parse` reads them.
    public init?(message: String) {
        var values: [String: String] = [:]
        for trailer in Trailers.parse(message) where values[trailer.key] == nil { values[trailer.key] = trailer.value }
        let (summary, body) = Self.sections(of: message)
        if let by = values[Key.approvedBy] {
            guard let person = Person(parsing: by), let draft = values[Key.draft],
                let commit = values[Key.approvedCommit].flatMap(Revision.init(hex:))
            else { return nil }
            let heading = body.firstIndex(of: Self.editsHeading) ?? body.firstIndex(of: Self.oldEditsHeading)
            let noteLines = Self.trimmingBlankLines(Array(body[..<(heading ?? body.endIndex)]).map(Self.undent))
            let edits = heading.map { body[($0 + 1)...].map(Self.undent).map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 } } ?? []
            let prefix = "Approve draft \(draft): "
            self = .approval(
                Approval(
                    draft: draft, title: summary.hasPrefix(prefix) ? String(summary.dropFirst(prefix.count)) : summary,
                    note: noteLines.isEmpty ? nil : noteLines.joined(separator: "\n"), edits: edits, approvedBy: person,
                    approvedCommit: commit,
                    accepted: (values[Key.accepted] ?? "").split(separator: ",").compactMap {
                        Acceptance(rawValue: $0.trimmingCharacters(in: .whitespaces))
                    }, ownRevertOf: values[Key.approvedOwnRevert].flatMap(Revision.init(hex:))))
        } else if let by = values[Key.rejectedBy] {
            guard let person = Person(parsing: by), let draft = values[Key.draft] else { return nil }
            let reason = Self.trimmingBlankLines(body.map(Self.undent)).joined(separator: "\n")
            self = .rejection(Rejection(draft: draft, reason: reason, rejectedBy: person))
        } else if let by = values[Key.discardedBy] {
            guard let person = Person(parsing: by), let draft = values[Key.draft] else { return nil }
            self = .discard(Discard(draft: draft, discardedBy: person))
        } else if let by = values[Key.reopenedBy] {
            guard let person = Person(parsing: by), let draft = values[Key.draft] else { return nil }
            self = .reopening(Reopening(draft: draft, reopenedBy: person))
        } else if let by = values[Key.noteBy] {
            guard let person = Person(parsing: by), let draft = values[Key.noteFor] else { return nil }
            self = .note(Note(draft: draft, text: Self.trimmingBlankLines(body.map(Self.undent)).joined(separator: "\n"), by: person))
        } else if values[Key.change] == "init" {
            self = .creation
        } else if values[Key.change] == "revert" {
            guard let reverted = values[Key.reverts].flatMap(Revision.init(hex:)) else { return nil }
            var original = summary.hasPrefix("Revert \"") ? String(summary.dropFirst("Revert \"".count)) : summary
            if original.hasSuffix("\"") { original.removeLast() }
            self = .revert(Revert(revertedSummary: original, reverted: reverted, details: body.map(Self.undent)))
        } else if let change = values[Key.change], let entry = values[Key.entry] {
            self = .edit(
                Edit(
                    summary: summary, change: change, entry: entry, details: body.map(Self.undent),
                    operation: values[Key.operation].flatMap(EditOperation.init(encoded:)).flatMap { $0.kind == change ? $0 : nil }))
        } else {
            return nil
        }
    }

    /// The summary line (trimmed) and the body's lines: everything between the
    /// summary's paragraph and the last paragraph, which holds the trailers.
    static func sections(of message: String) -> (summary: String, body: [String]) {
        let isBlank: (Substring) -> Bool = { $0.allSatisfy(\.isWhitespace) }
        var lines = Array(message.split(separator: "\n", omittingEmptySubsequences: false).drop(while: isBlank))
        while let last = lines.last, isBlank(last) { lines.removeLast() }
        guard let first = lines.first else { return ("", []) }
        let summary = first.trimmingCharacters(in: .whitespaces)
        guard let trailerGap = lines.lastIndex(where: isBlank), trailerGap > 1 else { return (summary, []) }
        return (summary, trimmingBlankLines(lines[2..<trailerGap].map(String.init)))
    }

    static func undent(_ line: String) -> String {
        line.hasPrefix(indent) ? String(line.dropFirst(indent.count)) : line
    }
}
