import ArgumentParser
import ClinicContent
import ClinicExport
import ClinicWorkflow
import Foundation

extension Review {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "What a draft would change, field by field and file by file, and whether it can be approved.",
            discussion: """
                Every path the draft changes is listed: code that will run (hooks/) and other
                files first, then settings (clinicctl.yaml), then the content field by field.
                The tip shown is remembered for you, so `review approve` approves exactly it.
                """)
        @Argument(help: "The draft's id.") var id: DraftID
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var person: PersonOption
        @OptionGroup var output: JSONOption
        var json: Bool { output.json }

        struct Report: Encodable {
            var draft: String, title: String, authors: [String], edits: [String], upToDate: Bool
            var mergesCleanly: Bool, valid: Bool, conflicts: [String], findings: [Finding], changes: [EntryChange]
            var rejectedBy: String?, rejectionReason: String?
            /// Why the rejection record does not count, when it does not.
            var rejectionUnverified: String? = nil
            var tip: String?, files: [ChangedFile] = [], needsAcceptance: [Acceptance] = []
            /// Fields the draft and the published content changed differently: key, record, field, and the three values.
            var fieldConflicts: [[String: String]] = []
            /// Per edit, in `edits` order: whether it is signed, and by whom.
            var signatures: [DraftCommitSignature] = []
            /// The notes on the draft that count, oldest first (`clinicctl draft note`).
            var notes: [DraftNote] = []
        }

        func run() throws {
            let repository = try self.repository.open()
            Output.noteUnverified(try repository.records.unverifiedRecords().filter { $0.draft == id.text })
            if let rejected = try repository.drafts.rejectedDrafts().first(where: { $0.id == id.text }),
                try repository.drafts.list().contains(where: { $0.id == id.text }) == false
            {
                return try showRejected(
                    rejected, notes: Output.verifiedNotes(try repository.records.notes(for: id.text)),
                    zone: try repository.reviews.clinicTimeZone())
            }
            let review = try repository.reviews.review(id.text)
            let notes = Output.verifiedNotes(try repository.records.notes(for: id.text))
            let zone = try repository.reviews.clinicTimeZone()
            // Remembered for whoever is reading, when they can be told; approving then approves this tip.
            if let reader = try? repository.identity(explicit: person.author) { repository.reviews.recordShown(review, to: reader) }
            if json {
                return try Output.printJSON(
                    Report(
                        draft: id.text, title: review.draft.title, authors: review.draft.authors.map(\.description),
                        edits: review.draft.edits.map(\.summary), upToDate: review.upToDate, mergesCleanly: review.mergesCleanly,
                        valid: review.isValid, conflicts: review.conflicts, findings: review.findings, changes: review.changes,
                        tip: review.tip.hex, files: review.files, needsAcceptance: review.needsAcceptance,
                        fieldConflicts: review.fieldConflicts.map {
                            [
                                "key": $0.key, "path": $0.path, "record": $0.record, "field": $0.field, "before": $0.base,
                                "published": $0.theirs, "draft": $0.ours,
                            ]
                        },
                        signatures: review.signatures, notes: notes), in: zone)
            }
            print(ReviewText.render(review, publishedBranch: repository.config.publishedBranch, notes: notes, zone: zone))
            for line in try Self.listingNotes(review, repository) { print(line) }
        }

        /// For each location whose hours the draft changes: the days Google, Apple and OpenStreetMap
        /// receive differently from the website (a day by appointment only, which they cannot say).
        static func listingNotes(_ review: DraftReview, _ repository: ContentRepository) throws -> [String] {
            let locations = review.changes.map(\.entry).filter { $0.hasPrefix("hours/") }.map { String($0.dropFirst("hours/".count)) }
            guard !locations.isEmpty else { return [] }
            let content = try repository.load(at: review.tip).content
            let lines = locations.compactMap { id -> String? in
                let days = ListingLimits.appointmentOnlyDays(content.hours(for: id))
                guard !days.isEmpty else { return nil }
                let them = days.count == 1 ? "it" : "them"
                return "  \(id): Google and Apple leave \(Weekday.sentence(days)) out of the week (they have no \"by appointment\") "
                    + "and show \(them) closed; OpenStreetMap gets \(them) as unknown \"by appointment\""
            }
            return lines.isEmpty ? [] : ["", "Listings (where Google, Apple and OpenStreetMap differ from the website):"] + lines
        }

        func showRejected(_ draft: Draft, notes: [DraftNote], zone: ClinicTimeZone) throws {
            if json {
                return try Output.printJSON(
                    Report(
                        draft: id.text, title: draft.title, authors: draft.authors.map(\.description),
                        edits: draft.edits.map(\.summary), upToDate: false, mergesCleanly: false, valid: false,
                        conflicts: [], findings: [], changes: [], rejectedBy: draft.rejection?.reviewer.description,
                        rejectionReason: draft.rejection?.reason, rejectionUnverified: draft.rejection?.unverified, notes: notes), in: zone)
            }
            let unverified = draft.rejection?.unverified.map { " (unverified: \($0); this record closes nothing)" } ?? ""
            print("Draft \(id) was rejected by \(draft.rejection?.reviewer.description ?? "a reviewer")\(unverified):")
            print(Output.wrap(draft.rejection?.reason ?? "", indent: "  "))
            if !notes.isEmpty { print(ReviewText.notes(notes, zone: zone).joined(separator: "\n")) }
        }
    }
}
