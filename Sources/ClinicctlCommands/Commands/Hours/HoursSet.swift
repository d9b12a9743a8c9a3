import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension Hours {
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Open days with the given ranges, replacing what they had.",
            discussion: "Example: clinicctl hours set the-loop mon-thu 07:00-19:00")
        @Argument(help: "The location's id.") var location: String
        @Argument(help: "Days, e.g. mon-thu.") var days: String
        @Argument(help: "Ranges, e.g. 07:00-19:00 or 7am-12pm,1pm-5pm.") var ranges: String
        @Flag(help: "Allow a range that closes the next day, e.g. 22:00-06:00.") var overnight = false
        @OptionGroup var write: WriteOptions

        func validate() throws {
            _ = try Hours.days(days)
            _ = try Hours.ranges(ranges, overnight: overnight)
        }

        func run() throws {
            let days = try Hours.days(self.days)
            let ranges = try Hours.ranges(self.ranges, overnight: overnight)
            try write.commit { content in HoursEdits.set(content.locationID(typed: location), days: days, ranges: ranges) }
        }
    }
}
