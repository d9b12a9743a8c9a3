import ArgumentParser
import ClinicContent
import ClinicExport
import ClinicWorkflow
import Foundation

/// The reviewer's reading of a draft, in words.
enum ReviewText {
    static func render(_ review: DraftReview, publishedBranch: String, notes: [DraftNote] = [], zone: ClinicTimeZone? = nil) -> String {
        var out: [String] = []
        let draft = review.draft
        out.append("Draft \(draft.id): \(draft.title)")
        out.append("By \(draft.authors.map(\.description).joined(separator: ", ")); \(draft.edits.count) edit(s):")
        out += draft.edits.enumerated().map { index, edit in
            let signature = review.signatures.first { $0.commit.hex == edit.commit.hex }.map { " (\($0.words))" } ?? ""
            return "  \(index + 1). \(edit.summary)\(signature)"
        }
        out.append("Shown at tip \(review.tip.hex); approving approves exactly this.")
        out.append("")
        if let zone, !notes.isEmpty { out += Self.notes(notes, zone: zone) + [""] }
        out += ReviewFilesText.sections(review)
        if review.files.contains(where: { $0.section != .content }) { out.append("CONTENT:") }
        if review.changes.isEmpty { out.append("It changes nothing in the content that is not already published.") }
        for change in review.changes {
            out.append("\(change.kind.rawValue.uppercased()) \(change.title) [\(change.entry)]")
            if change.entry.hasPrefix("hours/") && change.kind == .changed {
                out.append(
                    Output.table(
                        [["", "BEFORE", "AFTER"]]
                            + change.fields.map { [$0.field + ($0.move == nil ? "" : " (moved)"), $0.old ?? "-", $0.new ?? "-"] },
                        indent: "    "))
            } else {
                for field in change.fields { out.append(contentsOf: describe(field, kind: change.kind)) }
            }
            out.append("")
        }
        if !review.conflicts.isEmpty {
            out.append("CONFLICTS with what was published since the draft began: \(review.conflicts.joined(separator: ", ")).")
            if review.fieldConflicts.isEmpty {
                out.append("The author can try `clinicctl draft update \(draft.id)`.")
            } else {
                out += review.fieldConflicts.map { "  \($0)  [\($0.key)]" }
                out.append("The author decides each: `clinicctl draft update \(draft.id) --take draft|published FIELD`.")
            }
        } else if !review.isValid {
            out.append("INVALID when merged with \(publishedBranch):")
            out += review.findings.ordered.map { "  " + $0.compilerStyle }
        } else {
            let accept = review.needsAcceptance.isEmpty ? "" : " --accept \(review.needsAcceptance.map(\.rawValue).joined(separator: ","))"
            out.append(
                "Merges cleanly with \(publishedBranch) and the result validates: ready to approve with `clinicctl review approve \(draft.id)\(accept)`."
            )
        }
        out.append("See it as patients will, beside what is live: clinicctl preview \(draft.id) --compare")
        return out.joined(separator: "\n")
    }

    /// The NOTES section: each note, oldest first, with who left it and when in the clinic's time zone.
    static func notes(_ notes: [DraftNote], zone: ClinicTimeZone) -> [String] {
        ["NOTES:"] + notes.map { "  \(zone.text($0.time))  \($0.by.name):\n" + Output.wrap($0.text, indent: "    ") }
    }

    static func describe(_ field: EntryChange.FieldChange, kind: EntryChange.Kind) -> [String] {
        if field.move != nil, let old = field.old, let new = field.new { return ["    \(field.field): moved from \(old) to \(new)"] }
        switch (field.old, field.new) {
        case (let old?, let new?) where old.count > 40 || new.count > 40:
            return [
                "    \(field.field) (changed words marked [-removed-] {+added+}):",
                Output.wrap(WordDiff.marked(old, new), indent: "      "),
            ]
        case (let old?, let new?):
            return ["    \(field.field): \(old) → \(new)"]
        case (nil, let new?):
            return kind == .added && new.count > 60
                ? ["    \(field.field):", Output.wrap(new, indent: "      ")]
                : ["    \(field.field): \(new)" + (kind == .added ? "" : "  (new)")]
        case (let old?, nil):
            return ["    \(field.field): \(old)  (removed)"]
        case (nil, nil):
            return []
        }
    }
}
