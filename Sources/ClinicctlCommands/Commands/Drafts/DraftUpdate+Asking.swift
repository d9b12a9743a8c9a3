import ClinicContent
import ClinicWorkflow
import Foundation

extension DraftCommand.Update {
    /// `--edit`: each field the draft and the published content changed differently, shown with
    /// its three values, decided by the person at the terminal. Nothing is written until every
    /// field is decided; an answer left empty, or the end of input, stops with nothing changed.
    func askChoices(_ repository: ContentRepository) throws -> MergeChoices {
        guard Prompt.isInteractive else {
            throw WorkflowError(
                .usage, "--edit asks at the terminal; elsewhere decide with --take draft|published [FIELD] (the refusal names each field)")
        }
        let conflicts = try repository.reviews.review(id.text).fieldConflicts
        var choices = MergeChoices()
        guard !conflicts.isEmpty else { return choices }
        Output.note("Draft \(id) and the published content changed \(conflicts.count) field(s) differently:")
        for (index, conflict) in conflicts.enumerated() {
            Output.note(
                "\n\(index + 1). \(conflict.record)\(conflict.field.isEmpty ? "" : " · \(conflict.field)") [\(conflict.key)]\n"
                    + "   was:            \(conflict.base)\n   now published:  \(conflict.theirs)\n   this draft:     \(conflict.ours)")
            choices.fields[conflict.key] = try askSide()
        }
        return choices
    }

    private func askSide() throws -> MergeSide {
        while true {
            printError("   keep [d]raft or [p]ublished? ")
            guard let line = readLine()?.trimmingCharacters(in: .whitespaces).lowercased(), !line.isEmpty else {
                throw WorkflowError(.usage, "no answer given; nothing was changed")
            }
            switch line {
            case "d", "draft": return .ours
            case "p", "published": return .theirs
            default: Output.note("   answer d (this draft's value) or p (the published one)")
            }
        }
    }
}
