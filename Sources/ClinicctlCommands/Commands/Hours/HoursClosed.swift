import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension Hours {
    struct Closed: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "closed", abstract: "Close days (no hours, not by appointment).")
        @Argument(help: "The location's id.") var location: String
        @Argument(help: "Days, e.g. sat,sun.") var days: String
        @OptionGroup var write: WriteOptions

        func validate() throws { _ = try Hours.days(days) }

        func run() throws {
            let days = try Hours.days(self.days)
            try write.commit { content in HoursEdits.closed(content.locationID(typed: location), days: days) }
        }
    }
}
