import ArgumentParser
import ClinicContent
import ClinicExport
import ClinicWorkflow
import Foundation

extension ListingFormat: ExpressibleByArgument {}

extension Hours {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print one location's hours as Google, Apple, OpenStreetMap or a calendar receive them.",
            discussion: """
                Prints the bytes of the bundle's listings/<location>/ file for FORMAT:
                google (google-business-profile.json), apple (apple-business-connect.json),
                osm (opening_hours.txt) or ics (special-hours.ics), from the published branch,
                --rev or --draft. Special dates before the commit's date are left out.
                Google and Apple have no "by appointment": such a day is left out of their
                week. --json prints {location, format, path, content}. See docs/bundle.md.
                """)

        @Argument(help: "The location.") var location: String
        @Option(help: ArgumentHelp("The listing to print.", valueName: "format")) var format: ListingFormat
        @OptionGroup var options: ReadOptions

        /// What the platform cannot say, on standard error: `Google has no "by appointment": Saturday is left out …`.
        static func degradation(_ format: ListingFormat, _ hours: LocationHours?) -> String? {
            guard format == .google || format == .apple else { return nil }
            let days = ListingLimits.appointmentOnlyDays(hours)
            guard !days.isEmpty else { return nil }
            let platform = format == .google ? "Google" : "Apple"
            let verb = days.count == 1 ? "is" : "are"
            return "\(platform) has no \"by appointment\": \(Weekday.sentence(days)) \(verb) left out of the week, so \(platform) shows"
                + " \(days.count == 1 ? "it" : "them") closed"
        }

        struct Listing: Encodable {
            var location: String, format: String, path: String, content: String
        }

        func run() throws {
            let repository = try options.repository.open()
            let commit = try repository.readingRevision(revision: options.rev, draft: options.draft)
            let bundle = try repository.bundleContent(at: commit)
            let content = bundle.content
            guard let place = content.location(content.locationID(typed: location)) else {
                throw WorkflowError.noLocation(location, in: content)
            }
            let data = Listings.data(format, place, content, source: bundle.source)
            if let note = Self.degradation(format, content.hours(for: place.id)) { printError(note + "\n") }
            if options.json {
                let path = Listings.path(place.id, format)
                return try Output.printJSON(
                    Listing(location: place.id, format: format.rawValue, path: path, content: String(decoding: data, as: UTF8.self)))
            }
            // The file's exact bytes (an .ics ends its lines in CRLF, which `print` would show as ^M);
            // every writer escapes or drops control characters from content text.
            CommandContext.current.standardOutput(data)
        }
    }
}
