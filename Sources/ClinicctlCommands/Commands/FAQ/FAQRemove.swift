import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension FAQ {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an entry.")
        @Argument(help: "The entry's id.") var id: String
        @OptionGroup var write: WriteOptions
        func run() throws { try write.commit { _ in FAQEdits.remove(id) } }
    }
}
