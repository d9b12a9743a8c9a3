import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension Hours.Special {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Special hours of every location (or one), upcoming first, then past ones.")
        @Argument(help: "Only this location.") var location: String?
        @OptionGroup var options: ReadOptions

        func run() throws {
            let (repository, loaded) = try options.load()
            let today = HoursEdits.clinicToday(loaded.content, now: repository.environment.now())
            let days = try HoursEdits.specialDays(in: loaded.content, location: location, today: today)
            if options.json { return try Output.printJSON(days) }
            if days.isEmpty { return print("No special hours\(location.map { " at \($0)" } ?? "").") }
            print(
                Output.table(
                    [["LOCATION", "DATES", "HOURS", "REASON", ""]]
                        + days.map { day in
                            [
                                day.location, day.through.map { "\(day.from)..\($0)" } ?? day.from,
                                day.closed ? "closed" : day.ranges.joined(separator: ", "), day.reason ?? "", day.past ? "(past)" : "",
                            ]
                        }))
        }
    }
}
