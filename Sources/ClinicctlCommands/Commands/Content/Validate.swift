import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the content against every rule and list what is wrong.",
        discussion: """
            Reads the working tree's files by default (the published branch in a bare
            repository). Findings are printed compiler-style, one per line:
              content/faq/x.md:2:11: error: question is empty [faq.question.required]
            Exits 0 when clean, 1 on errors; warnings fail only with --strict.
            """)

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var revision: RevisionOption
    var rev: String? { revision.rev }
    @Option(help: ArgumentHelp("Validate this open draft.", valueName: "id"))
    var draft: String?
    @Option(help: ArgumentHelp("Validate a folder laid out like a repository (for hooks).", valueName: "dir"))
    var path: String?
    @Flag(help: "Print the findings as JSON.")
    var json = false
    @Flag(help: "Fail on warnings too.")
    var strict = false

    struct Report: Encodable {
        var source: String
        var errors: Int
        var warnings: Int
        var findings: [Finding]
    }

    func run() throws {
        let (label, source, revision) = try chooseSource()
        let (config, configFindings) = try RepositoryConfig.load(from: source)
        // A revision's findings may be remembered by its content folder's tree id.
        let contentFindings =
            try revision.map { try $0.repository.findings(at: $0.revision, layout: config.layout) }
            ?? Validator().validate(source, layout: config.layout).1
        let findings = (configFindings + contentFindings).ordered
        if json {
            try Output.printJSON(
                Report(source: label, errors: findings.errors.count, warnings: findings.warnings.count, findings: findings))
        } else {
            findings.forEach { print($0.compilerStyle) }
            let summary = findings.isEmpty ? "no findings" : "\(findings.errors.count) error(s), \(findings.warnings.count) warning(s)"
            Output.note("\(label): \(summary)")
        }
        if findings.fail(strict: strict) { throw ExitCode(1) }
    }

    func validate() throws {
        try OnlyOne.check(["--rev": rev != nil, "--draft": draft != nil, "--path": path != nil])
    }

    func chooseSource() throws -> (String, any ContentSource, (repository: ContentRepository, revision: Revision)?) {
        if let path { return (path, FolderSource(root: URL(fileURLWithPath: CommandContext.current.path(path))), nil) }
        let repository = try repository.open()
        let chosen = try repository.content(revision: rev, draft: draft, preferWorkingTree: true)
        return (chosen.label, chosen.source, chosen.revision.map { (repository, $0) })
    }
}
