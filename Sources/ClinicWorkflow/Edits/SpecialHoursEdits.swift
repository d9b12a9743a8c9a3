import ClinicContent
import Foundation

/// Special hours across every location: one holiday entered once.
extension HoursEdits {
    /// Sets `special` at every location, in one edit (one commit, one draft).
    public static func addSpecialEverywhere(_ special: SpecialHours) -> ContentEdit {
        let dates = special.through.map { "\(special.from)..\($0)" } ?? special.from.description
        let what = special.closed ? "closed" : special.ranges.map(\.readableLabel).joined(separator: ", ")
        return ContentEdit(
            change: "hours.special.add", entry: "hours/all", summary: "Hours: every location \(dates) \(what)",
            draftHint: "hours-all-\(special.from)"
        ) { content in
            guard !content.locations.isEmpty else { throw WorkflowError(.notFound, "there are no locations yet") }
            for location in content.locations {
                try addSpecial(location.id, special).apply(&content)
            }
        }.recording(.special(nil, special))
    }

    /// One dated entry of one location, for `hours special list`.
    public struct SpecialDay: Sendable, Codable, Equatable {
        public var location: String
        public var from: String
        public var through: String?
        public var closed: Bool
        public var ranges: [String]
        public var reason: String?
        /// Whether its last day is before today (in the clinic's time zone).
        public var past: Bool
    }

    /// Special hours of `location` (or every location): upcoming and current ones first, soonest
    /// first, then past ones, most recent first. `today` is the clinic's date.
    public static func specialDays(in content: SiteContent, location: String?, today: CalendarDay) throws -> [SpecialDay] {
        if let location, content.location(location) == nil { throw WorkflowError.noLocation(location, in: content) }
        let locale = content.clinic.defaultLocale
        let days = content.hours.filter { location == nil || $0.location == location }.flatMap { hours in
            hours.special.map { special in
                SpecialDay(
                    location: hours.location, from: special.from.description, through: special.through?.description,
                    closed: special.closed, ranges: special.ranges.map(\.canonicalLabel),
                    reason: special.reason?.text(for: locale, defaultLocale: locale), past: special.lastDay < today)
            }
        }
        let upcoming = days.filter { !$0.past }.sorted { ($0.from, $0.location) < ($1.from, $1.location) }
        let past = days.filter(\.past).sorted { ($0.from, $0.location) > ($1.from, $1.location) }
        return upcoming + past
    }

    /// The clinic's date at `now`, in its own time zone (the machine's when the zone is unknown).
    public static func clinicToday(_ content: SiteContent, now: Date) -> CalendarDay {
        CalendarDay(now, timeZone: TimeZone(identifier: content.clinic.timeZone) ?? .current)
    }
}

extension SocialEdits {
    /// Where a link goes in the list.
    public enum Placement: Sendable, Equatable {
        case before(SocialNetwork)
        case after(SocialNetwork)
        /// 1 is first.
        case position(Int)
    }

    /// Moves a network's link within the list, which is the order visitors see.
    public static func move(_ network: SocialNetwork, to placement: Placement) -> ContentEdit {
        ContentEdit(
            change: "social.move", entry: "social/\(network.rawValue)", summary: "Social: move \(network.displayName)",
            draftHint: "social-order"
        ) { content in
            let listed = content.social.map(\.network.rawValue).joined(separator: ", ")
            guard let index = content.social.firstIndex(where: { $0.network == network }) else {
                throw WorkflowError(.notFound, "\(network.displayName) is not listed; listed: \(listed)")
            }
            var links = content.social
            let link = links.remove(at: index)
            let target: Int
            switch placement {
            case .position(let number):
                guard (1...content.social.count).contains(number) else {
                    throw WorkflowError(.usage, "--position \(number) is outside the list (1 to \(content.social.count))")
                }
                target = number - 1
            case .before(let other), .after(let other):
                guard other != network else { throw WorkflowError(.usage, "a link cannot move next to itself") }
                guard let found = links.firstIndex(where: { $0.network == other }) else {
                    throw WorkflowError(.notFound, "\(other.displayName) is not listed; listed: \(listed)")
                }
                if case .after = placement { target = found + 1 } else { target = found }
            }
            links.insert(link, at: target)
            content.social = links
        }.recording(.socialMove(network, placement))
    }
}
