import ClinicContent

/// The office manager's changes to opening hours.
public enum HoursEdits {
    /// Opens `days` with exactly `ranges`, replacing whatever those days had.
    public static func set(_ location: String, days: [Weekday], ranges: [TimeRange]) -> ContentEdit {
        let label = "\(Weekday.label(days)) \(ranges.map(\.readableLabel).joined(separator: ", "))"
        return edit(location, change: "hours.set", summary: "Hours: \(location) \(label)") { hours in
            clear(days, in: &hours)
            for range in ranges {
                if let same = hours.weekly.firstIndex(where: { $0.range == range }) {
                    hours.weekly[same].days += days
                } else {
                    hours.weekly.append(WeeklyRange(days: days, range: range))
                }
            }
        }
    }

    /// Closes `days` (no hours, not by appointment).
    public static func closed(_ location: String, days: [Weekday]) -> ContentEdit {
        edit(location, change: "hours.closed", summary: "Hours: \(location) closed \(Weekday.label(days))") { hours in
            clear(days, in: &hours)
        }
    }

    /// Marks `days` as by appointment only.
    public static func appointment(_ location: String, days: [Weekday], note: String?, locale: String? = nil) -> ContentEdit {
        edit(location, change: "hours.appointment", summary: "Hours: \(location) \(Weekday.label(days)) by appointment") { hours in
            clear(days, in: &hours)
            let text = note.map { LocalizedText($0, locale: locale ?? "") }
            hours.byAppointment.append(AppointmentDays(days: days, note: text))
        }
    }

    /// Adds or replaces the special hours starting on `from`.
    public static func addSpecial(_ location: String, _ special: SpecialHours) -> ContentEdit {
        let dates = special.through.map { "\(special.from)..\($0)" } ?? special.from.description
        let what = special.closed ? "closed" : special.ranges.map(\.readableLabel).joined(separator: ", ")
        return edit(location, change: "hours.special.add", summary: "Hours: \(location) \(dates) \(what)") { hours in
            hours.special.removeAll { $0.from == special.from }
            hours.special.append(special)
        }
    }

    /// Removes the special hours that start on (or cover) `date`.
    public static func removeSpecial(_ location: String, date: CalendarDay) -> ContentEdit {
        edit(location, change: "hours.special.remove", summary: "Hours: \(location) remove special hours \(date)") { hours in
            let before = hours.special.count
            hours.special.removeAll { $0.from == date }
            if hours.special.count == before { hours.special.removeAll { $0.covers(date) } }
            if hours.special.count == before {
                throw WorkflowError(.notFound, "\(location) has no special hours on \(date); `clinicctl hours show \(location)` lists them")
            }
        }
    }

    /// Takes `days` out of every weekly range and appointment rule.
    static func clear(_ days: [Weekday], in hours: inout LocationHours) {
        let drop = Set(days)
        hours.weekly = hours.weekly.compactMap { w in
            let left = w.days.filter { !drop.contains($0) }
            return left.isEmpty ? nil : WeeklyRange(days: left, range: w.range)
        }
        hours.byAppointment = hours.byAppointment.compactMap { a in
            let left = a.days.filter { !drop.contains($0) }
            return left.isEmpty ? nil : AppointmentDays(days: left, note: a.note)
        }
    }

    static func edit(
        _ location: String, change: String, summary: String,
        _ body: @escaping @Sendable (inout LocationHours) throws -> Void
    ) -> ContentEdit {
        ContentEdit(change: change, entry: "hours/\(location)", summary: summary, draftHint: "hours-\(location)") { content in
            guard content.location(location) != nil else {
                throw WorkflowError.noLocation(location, in: content)
            }
            var hours = content.hours(for: location) ?? LocationHours(location: location)
            try body(&hours)
            // Notes written without a locale are in the clinic's default locale.
            let defaultLocale = content.clinic.defaultLocale
            hours.byAppointment = hours.byAppointment.map { a in
                var a = a
                if let text = a.note?.translations[""] {
                    a.note?.set(nil, locale: "")
                    a.note?.set(text, locale: defaultLocale)
                }
                return a
            }
            hours.normalize()
            if let index = content.hours.firstIndex(where: { $0.location == location }) {
                content.hours[index] = hours
            } else {
                content.hours.append(hours)
            }
        }
    }
}
