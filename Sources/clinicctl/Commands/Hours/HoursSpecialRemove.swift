import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension Hours.Special {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove the special hours on a date.")
        @Argument(help: "The location's id.") var location: String
        @Argument(help: "The date the special hours start on (or cover).") var date: String
        @OptionGroup var write: WriteOptions

        func validate() throws {
            if CalendarDay(date) == nil { throw ValidationError("\"\(date)\" is not a date like 2026-12-24") }
        }

        func run() throws {
            guard let day = CalendarDay(date) else { return }
            try write.commit { _ in HoursEdits.removeSpecial(location, date: day) }
        }
    }
}
