import ArgumentParser
import ClinicContent
import ClinicExport
import ClinicWorkflow
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the approved content as a JSON bundle any site or app can read.",
        discussion: """
            Reads the published branch (or --rev) straight from Git and replaces DIR
            atomically with: bundle.json, bundle.<locale>.json per translation,
            bundle.schema.json, clinic.jsonld (schema.org), per location listings/<id>/
            (its hours for Google, Apple, OpenStreetMap and calendars) and manifest.json.
            The same revision always gives byte-identical files. See docs/bundle.md.
            """)

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var revision: RevisionOption
    var rev: String? { revision.rev }
    @Option(help: ArgumentHelp("The folder to write (replaced as a whole).", valueName: "dir"))
    var out = "dist"
    @Flag(help: "Export the working tree's files instead of a revision (a local preview).")
    var worktree = false
    @Flag(help: "Print the written files as JSON.")
    var json = false

    struct Report: Encodable {
        struct File: Encodable {
            var path: String
            var size: Int
        }
        var directory: String
        var revision: String?
        var fromWorkingTree: Bool
        var files: [File]
    }

    func validate() throws {
        try OnlyOne.check(["--rev": rev != nil, "--worktree": worktree])
    }

    func run() throws {
        let repository = try self.repository.open()
        let label: String
        let content: BundleContent
        let revision: String?
        if worktree {
            content = try repository.workingTreeBundleContent()
            label = "the working tree"
            revision = nil
        } else {
            let commit = try repository.readingRevision(revision: rev, draft: nil)
            content = try repository.bundleContent(at: commit)
            label = "\(rev ?? repository.config.publishedBranch) (\(commit.short))"
            revision = commit.hex
        }
        let directory = URL(fileURLWithPath: CommandContext.current.path(out))
        let files = try content.write(to: directory)
        let report = Report(
            directory: directory.path, revision: revision, fromWorkingTree: worktree,
            files: files.map { .init(path: $0.name, size: $0.size) })
        if json { return try Output.printJSON(report) }
        print("Exported \(label) to \(out)/")
        print(Output.table(report.files.map { [$0.path, "\($0.size) bytes"] }, indent: "  "))
    }
}
