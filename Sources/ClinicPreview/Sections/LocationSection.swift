import Foundation
import Plot

extension PageContext {
    /// One section per location: address, map link, phone when it has its
    /// own, the week as a table, and the special hours still to come.
    var locationSections: [PageSection] {
        bundle.locations.map { location in
            let label = text(location.label)
            return PageSection(id: "location-\(location.id)", title: label) { place in
                .div(
                    .class("location"),
                    .unwrap(statusNote(location.status)) { .p(.class("status"), .strong(.words($0))) },
                    .element(
                        named: "address",
                        nodes: location.address.lines.enumerated().map { index, line in
                            .group(.if(index > 0, .br()), .words(line))
                        }),
                    .p(.a(.safeAttribute("href", mapLink(location)), .words("\(words.map) \(label)"))),
                    .if(location.phoneSource == "location", phoneLinks(location.phone)),
                    .unwrap(location.hours) { hours in weekTable(hours, label: label, id: location.id, place: place) }
                )
            }
        }
    }

    func statusNote(_ status: String) -> String? {
        switch status {
        case "temporarily-closed": words.temporarilyClosed
        case "permanently-closed": words.permanentlyClosed
        default: nil
        }
    }

    /// OpenStreetMap at the coordinates, else a search for the address. A
    /// link, not an embedded map: the page itself requests nothing outside.
    func mapLink(_ location: PreviewBundle.Location) -> String {
        if let at = location.coordinates {
            return "https://www.openstreetmap.org/?mlat=\(at.latitude)&mlon=\(at.longitude)#map=17/\(at.latitude)/\(at.longitude)"
        }
        let query = location.address.lines.joined(separator: ", ")
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return "https://www.openstreetmap.org/search?query=\(encoded)"
    }

    func weekTable(_ hours: PreviewBundle.Hours, label: String, id: String, place: SectionPlace) -> Node<HTML.BodyContext> {
        let upcoming = zip(hours.special, hours.specialLines[locale] ?? []).filter { ($0.0.through ?? $0.0.from) >= today }
        return .group(
            .table(
                .class("week"),
                .caption(.words("\(words.weeklyHours) \(label)")),
                .thead(
                    .tr(
                        .th(.safeAttribute("scope", "col"), .words(words.day)),
                        .th(.safeAttribute("scope", "col"), .words(words.hoursColumn)))),
                .tbody(
                    .forEach(hours.week.enumerated()) { index, day in
                        .tr(
                            .safeAttribute("data-day", day.day),
                            .th(.safeAttribute("scope", "row"), .words(words.dayNames[index % 7])),
                            .td(.safeAttribute("data-status", day.status), dayHours(day, hours))
                        )
                    })
            ),
            .if(
                !upcoming.isEmpty,
                .group(
                    .heading(place.headingLevel, id: "\(place.idPrefix)special-\(id)", words.specialHours),
                    .ul(.class("special"), .forEach(upcoming) { .li(.words($0.1)) })
                )
            )
        )
    }

    /// The day's ranges as `<time>` elements, or the day's status in words
    /// (the appointment rule's own note when it has one).
    func dayHours(_ day: PreviewBundle.Day, _ hours: PreviewBundle.Hours) -> Node<HTML.BodyContext> {
        switch day.status {
        case "open":
            return .forEach(day.ranges.enumerated()) { index, range in
                .group(
                    .if(index > 0, .text(", ")),
                    .time(.safeAttribute("datetime", range.opens), .words(words.time(range.opens))),
                    .text(" – "),
                    .time(.safeAttribute("datetime", range.closes), .words(words.time(range.closes)))
                )
            }
        case "by-appointment":
            let note = hours.byAppointment.first { $0.days.contains(day.day) }?.note.map(text)
            return .words(note ?? words.byAppointment)
        default:
            return .words(words.closed)
        }
    }
}
