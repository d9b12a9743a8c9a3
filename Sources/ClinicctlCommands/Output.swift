import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

/// Printing, shared by every subcommand (errors leave through `Failure`).
enum Output {

    /// One warning per reference under drafts/ that is not listed as a draft.
    static func noteSkipped(_ skipped: [SkippedDraftReference]) {
        for reference in skipped { note("warning: skipped \(reference.reference.debugDescription): \(reference.reason)") }
    }

    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// The edit in words; `onlyHere` (a clone) adds that it is not on the server yet.
    static func printEdit(_ result: EditResult, onlyHere: Bool) {
        print(result.createdDraft ? "Opened draft \(result.draft): \(result.summary)" : "Added to draft \(result.draft): \(result.summary)")
        for change in result.changes {
            print("  \(change.kind.rawValue) \(change.title)")
            for field in change.fields {
                switch (field.old, field.new) {
                case (let old?, let new?) where field.move != nil: print("    \(field.field): moved from \(old) to \(new)")
                case (nil, let new?): print("    \(field.field): \(describe(new))")
                case (let old?, nil): print("    \(field.field): \(describe(old)) (removed)")
                default: print("    \(field.field): \(describe(field.old)) → \(describe(field.new))")
                }
            }
        }
        for note in result.notes { print("Note: \(note)") }
        if let handed = result.approvalHandedOn {
            note(
                "warning: \(handed.editor.name), you are a reviewer and now wrote part of draft \(result.draft), which someone else "
                    + "began: you can no longer approve it; "
                    + ContentRepository.whoMayApproveWords(handed.stillMayApprove))
        }
        if !result.preexistingErrors.isEmpty {
            print(
                "Note: the content already had \(result.preexistingErrors.count) error(s) before this change; `clinicctl validate --draft \(result.draft)` lists them."
            )
        }
        if onlyHere { print(localUntilSync) }
        print(
            """

            Next:
              more edits into this draft:  add --draft \(result.draft) to the next command
              see it as a reviewer will:   clinicctl review show \(result.draft)
              a reviewer approves it:      clinicctl review approve \(result.draft)
            """)
    }

    static func describe(_ value: String?) -> String {
        guard let value else { return "(none)" }
        let flat = value.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 70 ? "\"\(flat.prefix(69))…\"" : "\"\(flat)\""
    }

    /// Columns padded to their widest cell.
    static func table(_ rows: [[String]], indent: String = "") -> String {
        guard let width = rows.map(\.count).max() else { return "" }
        let widths = (0..<width).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            indent
                + row.enumerated().map { index, cell in
                    index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// Text wrapped to `width` columns, each line indented.
    static func wrap(_ text: String, width: Int = 78, indent: String = "") -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph -> String in
            var lines: [String] = []
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty && line.count + word.count + 1 > width - indent.count {
                    lines.append(line)
                    line = ""
                }
                line += line.isEmpty ? String(word) : " " + word
            }
            lines.append(line)
            return lines.map { indent + $0 }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Hours as a week table: one line per day, then special dates.
    static func weekTable(_ hours: LocationHours, locale: String) -> String {
        table(ContentDiff.weekTable(hours, locale: locale).map { [$0.0, $0.1] }, indent: "  ")
    }
}
