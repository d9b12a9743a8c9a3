import ArgumentParser
import ClinicWorkflow
import Foundation

extension FAQ {
    struct CategoryRemove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Remove a category no entry uses (refused, naming them, while any does).")
        @Argument(help: "The category's id.") var id: String
        @OptionGroup var write: WriteOptions

        func run() throws {
            try write.commit { try CategoryEdits.remove(id, in: $0) }
        }
    }
}
