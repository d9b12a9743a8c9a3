import ClinicContent

/// Commit messages for people: a summary line, the field-level changes, and
/// trailers (`git interpret-trailers` format) that tools read back.
enum CommitMessage {
    static func edit(summary: String, changes: [EntryChange], trailers: [(String, String)]) -> String {
        var lines = [oneLine(summary, limit: 72), ""]
        for change in changes {
            lines.append("\(change.kind.rawValue.capitalized) \(change.title):")
            for field in change.fields {
                switch (field.old, field.new) {
                case (nil, let new?): lines.append("  \(field.field): \(oneLine(new))")
                case (let old?, nil): lines.append("  \(field.field): removed (was \(oneLine(old)))")
                case (let old?, let new?): lines.append("  \(field.field): \(oneLine(old)) -> \(oneLine(new))")
                case (nil, nil): break
                }
            }
            lines.append("")
        }
        lines += trailers.map { "\($0.0): \(oneLine($0.1))" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A value on one line, shortened for the log.
    static func oneLine(_ text: String, limit: Int = 100) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}
