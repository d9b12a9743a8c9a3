import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

extension Hours {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show each location's week and special dates.")
        @Argument(help: "Only this location.") var location: String?
        @OptionGroup var options: ReadOptions

        struct Week: Encodable {
            struct Day: Encodable {
                var day: String
                var status: String
                var ranges: [String]
                var note: String?
            }
            struct Special: Encodable {
                var from: String
                var through: String?
                var closed: Bool
                var ranges: [String]
                var reason: String?
            }
            var location: String, label: String, days: [Day], special: [Special]
        }

        func run() throws {
            let content = try options.load().1.content
            let locale = content.clinic.defaultLocale
            var locations = content.locations
            if let location {
                guard let one = content.location(content.locationID(typed: location)) else {
                    throw WorkflowError.noLocation(location, in: content)
                }
                locations = [one]
            }
            let weeks = locations.map { loc -> Week in
                let hours = content.hours(for: loc.id) ?? LocationHours(location: loc.id)
                return Week(
                    location: loc.id, label: loc.label.text(for: locale, defaultLocale: locale) ?? loc.id,
                    days: Weekday.allCases.map { day in
                        let ranges = hours.ranges(on: day)
                        let appointment = hours.appointment(on: day)
                        return Week.Day(
                            day: day.rawValue, status: !ranges.isEmpty ? "open" : appointment != nil ? "by-appointment" : "closed",
                            ranges: ranges.map(\.canonicalLabel), note: appointment?.note?.text(for: locale, defaultLocale: locale))
                    },
                    special: hours.special.map {
                        Week.Special(
                            from: $0.from.description, through: $0.through?.description, closed: $0.closed,
                            ranges: $0.ranges.map(\.canonicalLabel), reason: $0.reason?.text(for: locale, defaultLocale: locale))
                    })
            }
            if options.json { return try Output.printJSON(weeks) }
            for (index, location) in locations.enumerated() {
                if index > 0 { print("") }
                print("\(weeks[index].label) (\(location.id))")
                print(Output.weekTable(content.hours(for: location.id) ?? LocationHours(location: location.id), locale: locale))
            }
        }
    }
}
