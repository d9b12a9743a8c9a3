import ClinicContent
import ClinicGit
import Foundation

/// A commit clinicctl writes, as data: the one place where its commit messages
/// are written and read back, so the vocabulary (summary lines, headings and
/// trailer keys) cannot drift between a writer and a reader.
///
/// A message is a summary line, a blank line, the body when there is one, a
/// blank line and the trailer block (`Key: value` lines, as
/// `git interpret-trailers --parse` reads them).
///
/// Free text that reaches a message (a `--message`, a rejection reason or an
/// approval note, a person's name, a field's value) can never add a summary
/// line or a trailer:
/// - the summary, each trailer value and each list item are one line: line
///   breaks become spaces. A summary that begins with `---`, which Git and
///   libgit2 read as the end of the message, is written after one space
///   (readers trim it, so it reads back the same);
/// - every body line that carries data is indented by two spaces, so none can
///   begin a `Key: value` trailer, a `---` divider or a `#` comment, whatever
///   it says; only the record's own headings start at the margin, and none of
///   them is trailer-shaped. Reading removes the two spaces, so a reason reads
///   back as it was written;
/// - in a trailer naming a person, `<` and `>` are left out of the name and
///   address, so the value stays one `Name <email>`.
public enum CommitRecord: Hashable, Sendable {
    /// The first commit of a content repository.
    case creation
    /// One edit on a draft.
    case edit(Edit)
    /// A draft edit that undoes a published change.
    case revert(Revert)
    /// The merge that publishes a draft.
    case approval(Approval)
    /// A reviewer turned a draft down.
    case rejection(Rejection)
    /// The author (or a reviewer) withdrew a draft.
    case discard(Discard)

    public struct Edit: Hashable, Sendable {
        /// The summary line: the edit's own (`FAQ: add "…"`) or the author's `--message`.
        public var summary: String
        /// `faq.add`, `hours.set`: the `Clinic-Change` trailer.
        public var change: String
        /// `faq/do-you-take-insurance`: the `Clinic-Entry` trailer.
        public var entry: String
        /// The field-level changes as people read them (see `CommitRecord.describe`).
        public var details: [String]
        public init(summary: String, change: String, entry: String, details: [String]) {
            self.summary = summary
            self.change = change
            self.entry = entry
            self.details = details
        }
    }

    public struct Revert: Hashable, Sendable {
        /// The summary of the published change being undone.
        public var revertedSummary: String
        /// The published commit being undone: the `Reverts` trailer.
        public var reverted: ObjectID
        public var details: [String]
        public init(revertedSummary: String, reverted: ObjectID, details: [String]) {
            self.revertedSummary = revertedSummary
            self.reverted = reverted
            self.details = details
        }
    }

    public struct Approval: Hashable, Sendable {
        public var draft: String
        /// The draft's first edit summary, shown in the summary line.
        public var title: String
        /// What the reviewer added when approving (`--message`), if anything.
        public var note: String?
        /// One line per edit of the draft: `summary (author)`.
        public var edits: [String]
        public var approvedBy: Person
        /// The draft's tip when it was approved.
        public var approvedCommit: ObjectID
        public init(draft: String, title: String, note: String?, edits: [String], approvedBy: Person, approvedCommit: ObjectID) {
            self.draft = draft
            self.title = title
            self.note = note
            self.edits = edits
            self.approvedBy = approvedBy
            self.approvedCommit = approvedCommit
        }
    }

    public struct Rejection: Hashable, Sendable {
        public var draft: String
        /// Why, for the draft's author: the body of the record.
        public var reason: String
        public var rejectedBy: Person
        public init(draft: String, reason: String, rejectedBy: Person) {
            self.draft = draft
            self.reason = reason
            self.rejectedBy = rejectedBy
        }
    }

    public struct Discard: Hashable, Sendable {
        public var draft: String
        public var discardedBy: Person
        public init(draft: String, discardedBy: Person) {
            self.draft = draft
            self.discardedBy = discardedBy
        }
    }

    /// The trailer keys clinicctl writes and reads; nowhere else spells them.
    enum Key {
        static let change = "Clinic-Change"
        static let entry = "Clinic-Entry"
        static let reverts = "Reverts"
        static let approvedBy = "Approved-by"
        static let approvedCommit = "Approved-commit"
        static let rejectedBy = "Rejected-by"
        static let discardedBy = "Discarded-by"
        static let draft = "Draft"
    }

    static let creationSummary = "Start the clinic's content repository"
    static let editsHeading = "Edits in this draft:"
    /// The heading approvals had before it was made impossible to read as a trailer.
    static let oldEditsHeading = "Edits:"
    static let indent = "  "
}

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
        }
    }

    /// The trailers exactly as written, in order.
    public var trailers: [CommitInfo.Trailer] {
        let pairs: [(String, String)]
        switch self {
        case .creation: pairs = [(Key.change, "init")]
        case .edit(let edit): pairs = [(Key.change, edit.change), (Key.entry, edit.entry)]
        case .revert(let revert): pairs = [(Key.change, "revert"), (Key.reverts, revert.reverted.hex)]
        case .approval(let approval):
            pairs = [
                (Key.approvedBy, Self.trailerValue(approval.approvedBy)), (Key.draft, approval.draft),
                (Key.approvedCommit, approval.approvedCommit.hex),
            ]
        case .rejection(let rejection): pairs = [(Key.rejectedBy, Self.trailerValue(rejection.rejectedBy)), (Key.draft, rejection.draft)]
        case .discard(let discard): pairs = [(Key.discardedBy, Self.trailerValue(discard.discardedBy)), (Key.draft, discard.draft)]
        }
        return pairs.map { CommitInfo.Trailer(key: $0.0, value: Self.oneLine($0.1, limit: .max)) }
    }

    /// The body's lines: data indented, headings at the margin.
    var body: [String] {
        switch self {
        case .creation, .discard: return []
        case .edit(let edit): return edit.details.map(Self.dataLine)
        case .revert(let revert): return revert.details.map(Self.dataLine)
        case .rejection(let rejection): return Self.paragraph(rejection.reason)
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
                let commit = values[Key.approvedCommit].flatMap(ObjectID.init(hex:))
            else { return nil }
            let heading = body.firstIndex(of: Self.editsHeading) ?? body.firstIndex(of: Self.oldEditsHeading)
            let noteLines = Self.trimmingBlankLines(Array(body[..<(heading ?? body.endIndex)]).map(Self.undent))
            let edits = heading.map { body[($0 + 1)...].map(Self.undent).map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 } } ?? []
            let prefix = "Approve draft \(draft): "
            self = .approval(
                Approval(
                    draft: draft, title: summary.hasPrefix(prefix) ? String(summary.dropFirst(prefix.count)) : summary,
                    note: noteLines.isEmpty ? nil : noteLines.joined(separator: "\n"), edits: edits, approvedBy: person,
                    approvedCommit: commit))
        } else if let by = values[Key.rejectedBy] {
            guard let person = Person(parsing: by), let draft = values[Key.draft] else { return nil }
            let reason = Self.trimmingBlankLines(body.map(Self.undent)).joined(separator: "\n")
            self = .rejection(Rejection(draft: draft, reason: reason, rejectedBy: person))
        } else if let by = values[Key.discardedBy] {
            guard let person = Person(parsing: by), let draft = values[Key.draft] else { return nil }
            self = .discard(Discard(draft: draft, discardedBy: person))
        } else if values[Key.change] == "init" {
            self = .creation
        } else if values[Key.change] == "revert" {
            guard let reverted = values[Key.reverts].flatMap(ObjectID.init(hex:)) else { return nil }
            var original = summary.hasPrefix("Revert \"") ? String(summary.dropFirst("Revert \"".count)) : summary
            if original.hasSuffix("\"") { original.removeLast() }
            self = .revert(Revert(revertedSummary: original, reverted: reverted, details: body.map(Self.undent)))
        } else if let change = values[Key.change], let entry = values[Key.entry] {
            self = .edit(Edit(summary: summary, change: change, entry: entry, details: body.map(Self.undent)))
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
