import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension FAQ {
    struct CategoryAdd: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a category to a draft.")
        @Argument(help: "The category's title, as visitors read it.") var title: String
        @Option(help: ArgumentHelp("The category's id (default: made from the title).", valueName: "slug")) var id: String?
        @OptionGroup var write: WriteOptions

        func validate() throws {
            if let id, !id.isEmpty, id != Formats.slug(from: id) {
                throw ValidationError("--id \"\(id)\" must be lower-case letters, digits and dashes, like \(Formats.slug(from: id))")
            }
        }

        func run() throws {
            try write.commit { try CategoryEdits.add(id: id, title: title, in: $0) }
        }
    }
}
