import ClinicContent
internal import ClinicGit
import Foundation

// MARK: - Writing

extension CommitRecord {
    /// The commit message: summary line, body, trailers.
    public var message: String {
        var lines = [Self.summaryLine(summary)]
        if !body.isEmpty { lines += [""] + body }
        lines += [""] + trailers.map { "\($0.key): \($0.value)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary before it is guarded against `---` (see the type's documentation).
    var summary: String {
        switch self {
        case .creation: Self.creationSummary
        case .edit(let edit): Self.oneLine(edit.summary, limit: 72)
        case .revert(let revert): "Revert \"\(Self.oneLine(revert.revertedSummary, limit: 55))\""
        case .approval(let approval): "Approve draft \(Self.oneLine(approval.draft)): \(Self.oneLine(approval.title, limit: 50))"
        case .rejection(let rejection): "Reject draft \(Self.oneLine(rejection.draft))"
        case .discard(let discard): "Discard draft \(Self.oneLine(discard.draft))"
        case .reopening(let reopening): "Reopen draft \(Self.oneLine(reopening.draft))"
        case .note(let note): "Note on draft \(Self.oneLine(note.draft))"
        }
    }

    /// The trailers exactly as written, in order.
    var trailers: [CommitInfo.Trailer] {
        var pairs: [(String, String)]
        switch self {
        case .creation: pairs = [(Key.change, "init")]
        case .edit(let edit):
            pairs = [(Key.change, edit.change), (Key.entry, edit.entry)]
            if let operation = edit.operation { pairs.append((Key.operation, operation.encoded)) }
        case .revert(let revert): pairs = [(Key.change, "revert"), (Key.reverts, revert.reverted.hex)]
        case .approval(let approval):
            pairs = [
                (Key.approvedBy, Self.trailerValue(approval.approvedBy)), (Key.draft, approval.draft),
                (Key.approvedCommit, approval.approvedCommit.hex),
            ]
            if !approval.accepted.isEmpty {
                pairs.append((Key.accepted, approval.accepted.sorted().map(\.rawValue).joined(separator: ", ")))
            }
            if let ownRevertOf = approval.ownRevertOf { pairs.append((Key.approvedOwnRevert, ownRevertOf.hex)) }
        case .rejection(let rejection): pairs = [(Key.rejectedBy, Self.trailerValue(rejection.rejectedBy)), (Key.draft, rejection.draft)]
        case .discard(let discard): pairs = [(Key.discardedBy, Self.trailerValue(discard.discardedBy)), (Key.draft, discard.draft)]
        case .reopening(let reopening):
            pairs = [(Key.reopenedBy, Self.trailerValue(reopening.reopenedBy)), (Key.draft, reopening.draft)]
        case .note(let note): pairs = [(Key.noteFor, note.draft), (Key.noteBy, Self.trailerValue(note.by))]
        }
        return pairs.map { CommitInfo.Trailer(key: $0.0, value: Self.oneLine($0.1, limit: .max)) }
    }

    /// The body's lines: data indented, headings at the margin.
    var body: [String] {
        switch self {
        case .creation, .discard, .reopening: return []
        case .edit(let edit): return edit.details.map(Self.dataLine)
        case .revert(let revert): return revert.details.map(Self.dataLine)
        case .rejection(let rejection): return Self.paragraph(rejection.reason)
        case .note(let note): return Self.paragraph(note.text)
        case .approval(let approval):
            let note = Self.paragraph(approval.note ?? "")
            return (note.isEmpty ? [] : note + [""]) + [Self.editsHeading] + approval.edits.map { Self.dataLine("- " + $0) }
        }
    }

    /// The field-level changes of an edit, as its body lists them: one heading line per entry,
    /// its fields below, a blank line between entries.
    public static func describe(_ changes: [EntryChange]) -> [String] {
        var lines: [String] = []
        for change in changes {
            if !lines.isEmpty { lines.append("") }
            lines.append("\(change.kind.rawValue.capitalized) \(oneLine(change.title)):")
            for field in change.fields {
                switch (field.old, field.new) {
                case (nil, let new?): lines.append("  \(field.field): \(oneLine(new))")
                case (let old?, nil): lines.append("  \(field.field): removed (was \(oneLine(old)))")
                case (let old?, let new?): lines.append("  \(field.field): \(oneLine(old)) -> \(oneLine(new))")
                case (nil, nil): break
                }
            }
        }
        return lines
    }

    /// A value on one line (line breaks become spaces), shortened to `limit` characters.
    static func oneLine(_ text: String, limit: Int = 100) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }

    /// The summary as written: one line, never empty (Git would then read the
    /// body as the summary), and never a `---` divider.
    static func summaryLine(_ summary: String) -> String {
        let line = oneLine(summary, limit: .max).trimmingCharacters(in: .whitespaces)
        if line.isEmpty { return "(no summary)" }
        return line.hasPrefix("---") ? " " + line : line
    }

    static func dataLine(_ text: String) -> String {
        let line = oneLine(text, limit: .max)
        return line.isEmpty ? "" : indent + line
    }

    /// Free text of several lines, indented, without blank lines around it.
    static func paragraph(_ text: String) -> [String] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        return trimmingBlankLines(lines).map(dataLine)
    }

    static func trailerValue(_ person: Person) -> String {
        func clean(_ text: String) -> String { oneLine(text, limit: .max).filter { $0 != "<" && $0 != ">" } }
        return "\(clean(person.name)) <\(clean(person.email))>"
    }

    static func trimmingBlankLines(_ lines: [String]) -> [String] {
        let isBlank: (String) -> Bool = { $0.allSatisfy(\.isWhitespace) }
        guard let first = lines.firstIndex(where: { !isBlank($0) }), let last = lines.lastIndex(where: { !isBlank($0) }) else { return [] }
        return Array(lines[first...last])
    }
}
