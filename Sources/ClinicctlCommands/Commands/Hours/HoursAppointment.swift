import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension Hours {
    struct Appointment: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "appointment", abstract: "Mark days as by appointment only.")
        @Argument(help: "The location's id.") var location: String
        @Argument(help: "Days, e.g. sat.") var days: String
        @Option(help: "A note shown with the day, e.g. \"By appointment\".") var note: String?
        @OptionGroup var write: WriteOptions

        func validate() throws { _ = try Hours.days(days) }

        func run() throws {
            let days = try Hours.days(self.days)
            try write.commit { content in HoursEdits.appointment(content.locationID(typed: location), days: days, note: note) }
        }
    }
}
