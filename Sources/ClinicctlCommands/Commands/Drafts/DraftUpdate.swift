import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension DraftCommand {
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: "Re-apply a draft's edits on the current published content.",
            discussion: """
                Each edit is merged with what was published since, record by record and field by \
                field: a change to Glenview's Saturday and a new Glenview closure both apply. When \
                the draft and the published content changed the same field differently, the update \
                is refused and each such field is named with its three values and its key; run it \
                again with --take to decide:
                  clinicctl draft update hours-glenview --take draft hours/glenview:sat
                  clinicctl draft update hours-glenview --take published      (every field in conflict)
                  clinicctl draft update hours-glenview --take hours/glenview:sat=draft --take faq/x:answer=published
                Taking the draft's value adds one edit to the draft that sets it, reviewed like any other.

                Edits clinicctl recorded as operations are made again one by one on the published \
                content, each validated as a new edit is; one that no longer applies (its entry was \
                removed meanwhile) is left out and named, one already published is skipped, and the \
                others are kept. Every edit is listed with what became of it.
                """)
        @Argument(help: "The draft's id.") var id: DraftID
        @Argument(help: "Fields in conflict (their keys, as the refusal names them) that --take SIDE decides; none: every field.")
        var fields: [String] = []
        @Option(help: "draft or published, for the fields named (or every field in conflict); or KEY=draft|published. Repeatable.")
        var take: [String] = []
        @Flag(help: "On a terminal: decide each field in conflict by answering, shown with its three values.") var edit = false
        @OptionGroup var write: IdentityOptions

        func validate() throws {
            try OnlyOne.check(["--edit": edit, "--take": !take.isEmpty || !fields.isEmpty])
        }

        func run() throws {
            let (repository, person) = try write.open()
            let choices = edit ? try askChoices(repository) : try MergeChoices(taking: take, fields: fields)
            let result = try repository.drafts.update(id.text, choosing: choices, as: person)
            if write.json { return try Output.printJSON(result) }
            for edit in result.replayed {
                print("\(edit.number). \(edit.summary): \(edit.outcome.rawValue)" + (edit.reason.map { " (\($0))" } ?? ""))
            }
            for decided in result.decided {
                print("\(decided.field): took \(decided.took == "draft" ? "this draft's" : "the published") \(decided.value)")
            }
            print(
                result.alreadyUpToDate
                    ? "Draft \(id) is already up to date with \(repository.config.publishedBranch)."
                    : "Draft \(id) now applies on the current \(repository.config.publishedBranch) (\(result.tip.short)).")
        }
    }
}

extension MergeChoices {
    /// `--take` values and FIELD arguments: one bare side (for the fields named, or every field), and `KEY=SIDE` pairs.
    init(taking values: [String], fields: [String]) throws {
        self.init()
        var bare: [MergeSide] = []
        for value in values {
            let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
            guard let side = Self.side(parts.last ?? "") else {
                throw ValidationError("--take \(value): the side is draft or published")
            }
            if parts.count == 2 { self.fields[parts[0]] = side } else { bare.append(side) }
        }
        guard bare.count <= 1 else { throw ValidationError("--take draft and --take published: give one side, or KEY=SIDE per field") }
        guard let side = bare.first else {
            guard fields.isEmpty else {
                throw ValidationError("fields \(fields.joined(separator: ", ")) need --take draft or --take published")
            }
            return
        }
        if fields.isEmpty { others = side } else { for field in fields { self.fields[field] = side } }
    }

    private static func side(_ word: String) -> MergeSide? {
        switch word {
        case "draft": .ours
        case "published": .theirs
        default: nil
        }
    }
}
