import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Count the content and show each location's week.")

    @OptionGroup var options: ReadOptions
    @Flag(help: "Read the working tree's files instead of a revision.")
    var worktree = false

    func run() throws {
        let loaded: LoadedContent
        if worktree {
            let repository = try options.repository.open()
            let folder = try repository.workingTreeSource(orExplain: "--worktree needs a repository with a working tree")
            loaded = try ContentLoader(layout: repository.layout).load(from: folder)
        } else {
            loaded = try options.load().1
        }
        let content = loaded.content
        let locale = content.clinic.defaultLocale
        print("\(content.clinic.name.text(for: locale, defaultLocale: locale) ?? "") (\(content.clinic.legalName))")
        print(
            Output.table(
                [
                    ["FAQ entries", String(content.faq.count)],
                    ["FAQ categories", String(content.categories.count)],
                    ["locations", String(content.locations.count)],
                    ["hours", String(content.hours.count)],
                    ["social links", String(content.social.count)],
                    ["locales", content.locales.joined(separator: ", ")],
                ], indent: "  "))
        for location in content.locations {
            print("\nHours at \(location.label.text(for: locale, defaultLocale: locale) ?? location.id):")
            if let hours = content.hours(for: location.id) {
                print(Output.weekTable(hours, locale: locale))
            } else {
                print("  (no hours given)")
            }
        }
    }
}
