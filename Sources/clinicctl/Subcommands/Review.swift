import ArgumentParser
import ClinicContent
import ClinicExport
import ClinicGit
import ClinicWorkflow
import Foundation

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read drafts as changes, then approve or reject them.",
        subcommands: [List.self, Show.self, Approve.self, Reject.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Drafts waiting for review.")
        @OptionGroup var repository: RepositoryOptions
        @Flag(help: "Print machine-readable JSON.") var json = false

        struct Row: Encodable { var id: String, title: String, authors: [String], edits: Int, mergesCleanly: Bool, valid: Bool }

        func run() throws {
            try Output.guarded {
                let repository = try self.repository.open()
                let rows = try repository.drafts().map { draft in
                    let review = try repository.review(draft.id)
                    return Row(
                        id: draft.id, title: draft.title, authors: draft.authors.map(\.description), edits: draft.edits.count,
                        mergesCleanly: review.mergesCleanly, valid: review.isValid)
                }
                if json { return try Output.printJSON(rows) }
                if rows.isEmpty { return print("Nothing waits for review.") }
                print(
                    Output.table(
                        [["DRAFT", "EDITS", "CHECK", "BY", "TITLE"]]
                            + rows.map {
                                [
                                    $0.id, String($0.edits), !$0.mergesCleanly ? "conflicts" : !$0.valid ? "invalid" : "ok",
                                    $0.authors.map { $0.components(separatedBy: " <")[0] }.joined(separator: ", "), $0.title,
                                ]
                            }))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What a draft would change, field by field, and whether it can be approved.")
        @Argument(help: "The draft's id.") var id: String
        @OptionGroup var repository: RepositoryOptions
        @Flag(help: "Print machine-readable JSON.") var json = false

        struct Report: Encodable {
            var draft: String, title: String, authors: [String], edits: [String], upToDate: Bool
            var mergesCleanly: Bool, valid: Bool, conflicts: [String], findings: [Finding], changes: [EntryChange]
            var rejectedBy: String?, rejectionReason: String?
        }

        func run() throws {
            try Output.guarded {
                let repository = try self.repository.open()
                if let rejected = try repository.rejectedDrafts().first(where: { $0.id == id }),
                    try repository.drafts().contains(where: { $0.id == id }) == false
                {
                    return try showRejected(rejected)
                }
                let review = try repository.review(id)
                if json {
                    return try Output.printJSON(
                        Report(
                            draft: id, title: review.draft.title, authors: review.draft.authors.map(\.description),
                            edits: review.draft.edits.map(\.summary), upToDate: review.upToDate, mergesCleanly: review.mergesCleanly,
                            valid: review.isValid, conflicts: review.conflicts, findings: review.findings, changes: review.changes))
                }
                print(ReviewText.render(review, publishedBranch: repository.config.publishedBranch))
            }
        }

        func showRejected(_ draft: Draft) throws {
            if json {
                return try Output.printJSON(
                    Report(
                        draft: id, title: draft.title, authors: draft.authors.map(\.description),
                        edits: draft.edits.map(\.summary), upToDate: false, mergesCleanly: false, valid: false,
                        conflicts: [], findings: [], changes: [], rejectedBy: draft.rejection?.reviewer.description,
                        rejectionReason: draft.rejection?.reason))
            }
            print("Draft \(id) was rejected by \(draft.rejection?.reviewer.description ?? "a reviewer"):")
            print(Output.wrap(draft.rejection?.reason ?? "", indent: "  "))
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a draft: merge it onto the published branch, recording who approved it.")
        @Argument(help: "The draft's id.") var id: String
        @Option(help: "A note for the approval record.") var message: String?
        @Flag(help: "Do not publish after the merge (run `clinicctl publish` later).") var noPublish = false
        @Option(help: ArgumentHelp("Stop a deploy hook still running after this many seconds.", valueName: "seconds"))
        var timeout: Int = 60
        @OptionGroup var identity: IdentityOptions

        func run() throws {
            try Output.guarded {
                let (repository, person) = try identity.open()
                let result = try repository.approve(id, as: person, message: message)
                try report(result, repository)
                if !noPublish { try publish(repository, revision: result.merge) }
            }
        }

        func report(_ result: ApprovalResult, _ repository: ContentRepository) throws {
            if identity.json { return try Output.printJSON(result) }
            print(
                "Approved draft \(id): \(repository.config.publishedBranch) is now \(result.merge.short) (was \(result.previousTip.short))."
            )
            for change in result.changes { print("  \(change.kind.rawValue) \(change.title)") }
            switch result.workingTree {
            case .updated: print("Your checkout of \(result.publishedBranch) was brought up to date.")
            case .updatedAroundLocalChanges:
                print("Your checkout has local changes; they were left untouched and the approved files were updated around them.")
            case .leftAlone:
                print("Your checkout has local changes in the approved files; it was left as it was. Commit or stash them, then update it.")
            case .notCheckedOut: break
            }
        }

        /// Publishing after the merge; a failure leaves the approval in place and says how to retry.
        func publish(_ repository: ContentRepository, revision: ClinicGit.ObjectID) throws {
            fflush(nil)  // the approval report first, then the hooks' lines
            do {
                _ = try Publisher().publish(repository: repository, revision: revision, timeout: .seconds(timeout)) { Output.note($0) }
            } catch let error as PublishError where error.code == .recordMoved {
                // Another publish recorded first; fine when what it deployed already includes this approval.
                if let deployed = try Publisher.deployedRevision(of: repository), try repository.git.isAncestor(revision, of: deployed) {
                    return Output.note(
                        "A publish running at the same time already deployed \(deployed.short), which includes this approval.")
                }
                throw WorkflowError(
                    .refused,
                    "approved, but another publish recorded an older revision meanwhile; run `clinicctl publish` to deploy this one")
            } catch {
                throw WorkflowError(
                    .refused,
                    "approved, but publishing failed: \(error.localizedDescription). The approval stands; run `clinicctl publish` to retry")
            }
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Turn a draft down, saying why; its author sees the reason.")
        @Argument(help: "The draft's id.") var id: String
        @Option(help: "Why, for the author.") var reason: String
        @OptionGroup var identity: IdentityOptions

        func run() throws {
            try Output.guarded {
                let (repository, person) = try identity.open()
                let rejection = try repository.reject(id, as: person, reason: reason)
                if identity.json { return try Output.printJSON(rejection) }
                print(
                    "Rejected draft \(id). Its author sees the reason in `clinicctl drafts --mine`; its edits stay in the repository (\(ContentRepository.rejectedPrefix)\(id))."
                )
            }
        }
    }
}

/// The reviewer's reading of a draft, in words.
enum ReviewText {
    static func render(_ review: DraftReview, publishedBranch: String) -> String {
        var out: [String] = []
        let draft = review.draft
        out.append("Draft \(draft.id): \(draft.title)")
        out.append("By \(draft.authors.map(\.description).joined(separator: ", ")); \(draft.edits.count) edit(s):")
        out += draft.edits.map { "  - \($0.summary)" }
        out.append("")
        if review.changes.isEmpty { out.append("It changes nothing that is not already published.") }
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
            out.append("The author can try `clinicctl draft update \(draft.id)`.")
        } else if !review.isValid {
            out.append("INVALID when merged with \(publishedBranch):")
            out += review.findings.ordered.map { "  " + $0.compilerStyle }
        } else {
            out.append(
                "Merges cleanly with \(publishedBranch) and the result validates: ready to approve with `clinicctl review approve \(draft.id)`."
            )
        }
        return out.joined(separator: "\n")
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
