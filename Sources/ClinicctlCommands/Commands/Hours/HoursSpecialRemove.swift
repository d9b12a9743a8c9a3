import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension Hours.Special {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove the special hours on a date or dates.",
            discussion: """
                Only the days given are removed: removing 2026-12-25 from a 2026-12-24..2026-12-26
                closure keeps 2026-12-24 and 2026-12-26 (the output says so). To remove the whole
                closure, give its dates: hours special remove the-loop 2026-12-24..2026-12-26
                """)
        @Argument(help: "The location's id.") var location: String
        @Argument(help: "A date (2026-12-25) or range (2026-12-24..2026-12-26).") var dates: String
        @OptionGroup var write: WriteOptions

        func validate() throws {
            _ = try Hours.dates(dates)
        }

        func run() throws {
            let (from, through) = try Hours.dates(dates)
            try write.commit { content in
                HoursEdits.removeSpecial(content.locationID(typed: location), from: from, through: through, in: content)
            }
        }
    }
}
