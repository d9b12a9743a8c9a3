import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension Hours.Special {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set special hours for a date or dates.",
            discussion:
                "Examples: hours special add the-loop 2026-12-24..2026-12-26 --closed --reason Christmas\n          hours special add glenview 2026-12-31 07:00-12:00"
        )
        @Argument(help: "The location's id.") var location: String
        @Argument(help: "A date (2026-12-24) or range (2026-12-24..2026-12-26).") var dates: String
        @Argument(help: "Ranges, unless --closed.") var ranges: String?
        @Flag(help: "Closed all day.") var closed = false
        @Option(help: "Why, shown to visitors (e.g. Christmas).") var reason: String?
        @Flag(help: "Allow a range that closes the next day, e.g. 22:00-02:00.") var overnight = false
        @OptionGroup var write: WriteOptions

        func validate() throws {
            if closed == (ranges != nil) { throw ValidationError("give either --closed or the hours (e.g. 07:00-12:00)") }
            _ = try Hours.dates(dates)
            _ = try ranges.map { try Hours.ranges($0, overnight: overnight) }
        }

        func run() throws {
            let (from, through) = try Hours.dates(dates)
            let ranges = try self.ranges.map { try Hours.ranges($0, overnight: overnight) } ?? []
            try write.commit { content in
                let locale = content.clinic.defaultLocale
                return HoursEdits.addSpecial(
                    content.locationID(typed: location),
                    SpecialHours(
                        from: from, through: through, closed: closed, ranges: ranges,
                        reason: reason.map { LocalizedText($0, locale: locale) }),
                    today: TimeZone(identifier: content.clinic.timeZone).map { CalendarDay(Date(), timeZone: $0) })
            }
        }
    }
}
