import ArgumentParser
import ClinicExport
import ClinicPreview
import ClinicProcess
import ClinicWorkflow
import Foundation

struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Render the page patients will see, from a draft or revision.",
        discussion: """
            Exports the content as `clinicctl export` does and renders the page from bundle.json alone:
            one self-contained folder (index.html, es/index.html per translation, preview.css),
            no external requests; the same content always gives the same bytes. With --compare,
            compare.html shows the published page and the draft side by side, each changed section
            marked. Default folder: <git dir>/clinicctl/preview/<draft, commit or worktree>.
            See docs/preview.md.
            """)

    @OptionGroup var repository: RepositoryOptions
    @Argument(help: ArgumentHelp("The open draft to preview (default: the published branch).", valueName: "draft"))
    var draft: String?
    @OptionGroup var revision: RevisionOption
    var rev: String? { revision.rev }
    @Flag(help: "Preview the working tree's files instead of a revision.")
    var worktree = false
    @Flag(help: "Also write compare.html: the published page and the draft side by side.")
    var compare = false
    @Option(help: ArgumentHelp("The folder to write (replaced as a whole if it holds an earlier preview).", valueName: "dir"))
    var out: String?
    @Option(help: ArgumentHelp("Print (and open) the page of this locale (default: the clinic's default locale).", valueName: "tag"))
    var locale: String?
    @Flag(help: "Open the page with xdg-open when there is a display.")
    var open = false
    @OptionGroup var output: JSONOption

    struct Report: Encodable {
        var directory: String
        var page: String
        var url: String
        var revision: String?
        var fromWorkingTree: Bool
        var locale: String
        var changedSections: [String]?
    }

    func validate() throws {
        if [draft != nil, rev != nil, worktree].filter({ $0 }).count > 1 {
            throw ValidationError("give one of DRAFT, --rev or --worktree")
        }
        if compare && draft == nil { throw ValidationError("--compare needs a DRAFT to compare with the published page") }
    }

    func run() throws {
        let repository = try self.repository.open()
        let (files, name) = try bundleFiles(repository)
        let site = try previewing { try PreviewSite(bundleFiles: files.contents) }
        var written = site.files()
        var changed: [String]?
        if compare {
            let published = try previewing { try PreviewSite(bundleFiles: repository.bundle(at: repository.publishedRevision()).contents) }
            written = site.comparing(with: published)
            changed = try previewing { try site.changedSections(since: published, locale: locale) }
        }
        let folder =
            out.map { URL(fileURLWithPath: CommandContext.current.path($0)) }
            ?? repository.deployments.previewFolder(named: name)
        let page = folder.appendingPathComponent(try previewing { try site.pagePath(locale: locale, compare: compare) })
        try previewing { try PreviewFolder.write(written, to: folder) }
        let report = Report(
            directory: folder.path, page: page.path, url: page.absoluteURL.absoluteString, revision: site.bundle.revision,
            fromWorkingTree: site.bundle.fromWorkingTree, locale: locale ?? site.bundle.defaultLocale, changedSections: changed)
        if output.json { try Output.printJSON(report) } else { printReport(report) }
        if open { openPage(page) }
    }

    /// The bundle to preview and a folder name for it.
    func bundleFiles(_ repository: ContentRepository) throws -> (BundleFiles, String) {
        if worktree { return (try repository.workingTreeBundle(), "worktree") }
        let revision = try repository.readingRevision(revision: rev, draft: draft)
        return (try repository.bundle(at: revision), draft ?? revision.short)
    }

    func previewing<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as PreviewError {
            if case .unknownLocale = error { throw WorkflowError(.usage, error.description) }
            throw WorkflowError(.refused, error.description)
        }
    }

    func printReport(_ report: Report) {
        print("Preview written to \(report.directory)/")
        print("  page: \(report.page)")
        print("  open: \(report.url)")
        if let changed = report.changedSections {
            print(changed.isEmpty ? "  no section changes what patients see" : "  changed sections: \(changed.joined(separator: ", "))")
        }
    }

    /// `xdg-open`, only where a desktop can show it; otherwise say how to look.
    func openPage(_ page: URL) {
        let environment = CommandContext.current.environment.variables
        guard environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil else {
            return Output.note("no display (DISPLAY and WAYLAND_DISPLAY are unset): open \(page.absoluteString) in a browser")
        }
        let opener = ProgramRun(
            URL(fileURLWithPath: "/usr/bin/env"), arguments: ["xdg-open", page.absoluteString], environment: environment, timeout: nil)
        do { try opener.start() } catch { Output.note("xdg-open could not start: \(error.localizedDescription)") }
    }
}
