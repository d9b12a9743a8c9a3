import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension FAQ {
    struct CategoryRename: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rename", abstract: "Give a category a new title (its id stays).")
        @Argument(help: "The category's id.") var id: String
        @Argument(help: "The new title.") var title: String
        @Option(help: ArgumentHelp("Write the title in this locale (a translation), e.g. es.", valueName: "tag")) var locale: String?
        @OptionGroup var write: WriteOptions

        func validate() throws {
            if let locale, !Formats.isLanguageTag(locale) {
                throw ValidationError("--locale \"\(locale)\" is not a language tag like es or pt-BR")
            }
        }

        func run() throws {
            try write.commit { try CategoryEdits.rename(id, to: title, locale: locale, in: $0) }
        }
    }
}
