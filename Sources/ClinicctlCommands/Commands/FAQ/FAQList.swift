import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension FAQ {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the questions in page order.")
        @OptionGroup var options: ReadOptions

        struct Row: Encodable {
            var id: String, position: Int, category: String, question: String, locales: [String], tags: [String]
            /// Open drafts that change this entry (listed only when reading the published branch).
            var drafts: [String]
        }

        func run() throws {
            let repository = try options.repository.open()
            let listing = try repository.faqListing(at: repository.readingRevision(revision: options.rev, draft: options.draft))
            // Reading the published branch, say what open drafts change, so drafted entries are not invisible.
            let drafted = options.readsPublished ? try repository.reviews.draftedEntries(entryPrefix: "faq/") : []
            let draftsByEntry = Dictionary(grouping: drafted, by: \.entry).mapValues { $0.map(\.draft) }
            let rows = listing.map { entry in
                Row(
                    id: entry.id, position: entry.position, category: entry.category, question: entry.question,
                    locales: entry.locales, tags: entry.tags, drafts: draftsByEntry["faq/\(entry.id)"] ?? [])
            }
            if options.json { return try Output.printJSON(rows) }
            let marked = rows.contains { !$0.drafts.isEmpty }
            print(
                Output.table(
                    [["POS", "ID", "QUESTION"] + (marked ? ["OPEN DRAFTS"] : [])]
                        + rows.map { [String($0.position), $0.id, $0.question] + (marked ? [$0.drafts.joined(separator: ", ")] : []) }))
            let added = drafted.filter { $0.kind == .added }
            guard !added.isEmpty else { return }
            print("")
            print("Only in open drafts, not published yet (read one with `clinicctl faq list --draft ID`):")
            for entry in added { print("  \(entry.entry.dropFirst("faq/".count))  \(entry.title)  (draft \(entry.draft))") }
        }
    }
}
