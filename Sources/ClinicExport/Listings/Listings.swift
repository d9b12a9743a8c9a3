import ClinicContent
import Foundation

/// The files each location gets under `listings/<location-id>/` in the
/// bundle: its hours in the shape Google, Apple, OpenStreetMap and calendars
/// read. A pure function of the content and the commit's time.
public enum ListingFormat: String, CaseIterable, Sendable {
    case google, apple, osm, ics

    /// The file's name in the location's folder.
    public var fileName: String {
        switch self {
        case .google: "google-business-profile.json"
        case .apple: "apple-business-connect.json"
        case .osm: "opening_hours.txt"
        case .ics: "special-hours.ics"
        }
    }
}

public enum Listings {
    /// `listings/glenview/opening_hours.txt`.
    public static func path(_ location: String, _ format: ListingFormat) -> String {
        "listings/\(location)/\(format.fileName)"
    }

    /// The clinic's time zone (UTC when it names none the system knows).
    public static func zone(_ content: SiteContent) -> TimeZone {
        TimeZone(identifier: content.clinic.timeZone) ?? TimeZone(identifier: "UTC")!
    }

    /// The location's hours as listings carry them: special dates from the
    /// commit's date (in the clinic's zone) on.
    public static func hours(_ location: Location, _ content: SiteContent, source: BundleSource) -> ListingHours {
        let today = CalendarDay(source.generatedAt, timeZone: zone(content))
        return ListingHours(content.hours(for: location.id) ?? LocationHours(location: location.id), from: today)
    }

    /// The bytes of one listing file.
    public static func data(_ format: ListingFormat, _ location: Location, _ content: SiteContent, source: BundleSource)
        -> Data
    {
        let hours = hours(location, content, source: source)
        let locale = content.clinic.defaultLocale
        switch format {
        case .google: return JSONWriter.data(GoogleBusinessProfile.document(location, hours))
        case .apple: return JSONWriter.data(AppleBusinessConnect.document(location, hours, locale: locale))
        case .osm: return Data((OpeningHoursLine.line(hours) + "\n").utf8)
        case .ics:
            let names = SpecialHoursCalendar.Names(
                clinic: content.clinic.name.text(for: locale, defaultLocale: locale) ?? "",
                location: location.label.text(for: locale, defaultLocale: locale) ?? location.id, locale: locale)
            return Data(
                SpecialHoursCalendar.text(location, hours, names: names, zone: zone(content), stamp: source.generatedAt).utf8)
        }
    }

    /// Every listing file of the content, locations in id order, formats in order.
    public static func files(_ content: SiteContent, source: BundleSource) -> [(path: String, data: Data)] {
        content.locations.sorted { $0.id < $1.id }.flatMap { location in
            ListingFormat.allCases.map { (path(location.id, $0), data($0, location, content, source: source)) }
        }
    }
}

/// What a listing cannot say that the website does.
public enum ListingLimits {
    /// The week's days open by appointment only: Google and Apple have no such state, so those
    /// days are left out of their week (they show them closed); OpenStreetMap writes them
    /// `unknown "by appointment"`.
    public static func appointmentOnlyDays(_ hours: LocationHours?) -> [Weekday] {
        guard let hours else { return [] }
        return Weekday.allCases.filter { hours.ranges(on: $0).isEmpty && hours.appointment(on: $0) != nil }
    }
}
