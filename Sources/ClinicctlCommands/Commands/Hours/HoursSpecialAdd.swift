import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension Hours.Special {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Set special hours for a date or dates.",
            discussion:
                "Examples: hours special add the-loop 2026-12-24..2026-12-26 --closed --reason Christmas\n          hours special add glenview 2026-12-31 07:00-12:00\n          hours special add --all 2026-12-24..2026-12-26 --closed --reason Christmas"
        )
        @Argument(help: "The location's id (with --all, give the dates here instead).") var location: String
        @Argument(help: ArgumentHelp("A date (2026-12-24) or range (2026-12-24..2026-12-26).", valueName: "dates")) var givenDates: String?
        @Argument(help: ArgumentHelp("Ranges, unless --closed.", valueName: "ranges")) var givenRanges: String?
        @Flag(help: "Every location at once, in one edit.") var all = false
        @Flag(help: "Closed all day.") var closed = false
        @Option(help: "Why, shown to visitors (e.g. Christmas).") var reason: String?
        @Flag(help: "Allow a range that closes the next day, e.g. 22:00-02:00.") var overnight = false
        @OptionGroup var write: WriteOptions

        /// With --all the arguments shift left: there is no location.
        var dates: String { all ? location : givenDates ?? "" }
        var ranges: String? { all ? givenDates : givenRanges }

        func validate() throws {
            if all && (try? Hours.dates(location)) == nil {
                throw ValidationError("with --all, give the dates (and the hours), not a location: \"\(location)\" is not a date")
            }
            if all && givenRanges != nil { throw ValidationError("with --all, give the dates and the hours, not a location") }
            if !all && givenDates == nil { throw ValidationError("give the location and the dates, or --all and the dates") }
            if closed == (ranges != nil) { throw ValidationError("give either --closed or the hours (e.g. 07:00-12:00)") }
            _ = try Hours.dates(dates)
            _ = try ranges.map { try Hours.ranges($0, overnight: overnight) }
        }

        func run() throws {
            let (from, through) = try Hours.dates(dates)
            let ranges = try self.ranges.map { try Hours.ranges($0, overnight: overnight) } ?? []
            try write.commit { content in
                let locale = content.clinic.defaultLocale
                let special = SpecialHours(
                    from: from, through: through, closed: closed, ranges: ranges,
                    reason: reason.map { LocalizedText($0, locale: locale) })
                let today = TimeZone(identifier: content.clinic.timeZone).map {
                    CalendarDay(CommandContext.current.environment.now(), timeZone: $0)
                }
                return all
                    ? HoursEdits.addSpecialEverywhere(special)
                    : HoursEdits.addSpecial(content.locationID(typed: location), special, today: today)
            }
        }
    }
}
