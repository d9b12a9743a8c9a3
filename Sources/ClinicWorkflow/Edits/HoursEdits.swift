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
        }.recording(.hours("hours.set", location, days: days, ranges: ranges))
    }

    /// Closes `days` (no hours, not by appointment).
    public static func closed(_ location: String, days: [Weekday]) -> ContentEdit {
        edit(location, change: "hours.closed", summary: "Hours: \(location) closed \(Weekday.label(days))") { hours in
            clear(days, in: &hours)
        }.recording(.hours("hours.closed", location, days: days))
    }

    /// Marks `days` as by appointment only.
    public static func appointment(_ location: String, days: [Weekday], note: String?, locale: String? = nil) -> ContentEdit {
        edit(location, change: "hours.appointment", summary: "Hours: \(location) \(Weekday.label(days)) by appointment") { hours in
            clear(days, in: &hours)
            let text = note.map { LocalizedText($0, locale: locale ?? "") }
            hours.byAppointment.append(AppointmentDays(days: days, note: text))
        }.recording(.hours("hours.appointment", location, days: days, note: note, locale: locale))
    }

    /// Adds or replaces the special hours starting on `from`; a date before
    /// `today` is accepted with a note (a record of the past, or a typo).
    public static func addSpecial(_ location: String, _ special: SpecialHours, today: CalendarDay? = nil) -> ContentEdit {
        let dates = label(special)
        let what = special.closed ? "closed" : special.ranges.map(\.readableLabel).joined(separator: ", ")
        var edit = edit(location, change: "hours.special.add", summary: "Hours: \(location) \(dates) \(what)") { hours in
            hours.special.removeAll { $0.from == special.from }
            hours.special.append(special)
        }.recording(.special(location, special))
        if let today, special.lastDay < today {
            edit.notes.append("\(dates) is in the past (today is \(today)); saved anyway. Check the year if you meant an upcoming date")
        }
        return edit
    }

    /// Removes the special hours on the days `from` through `through` (one day
    /// when nil). Special hours that span more days keep the days outside,
    /// split in two where needed, and the summary says so.
    public static func removeSpecial(
        _ location: String, from: CalendarDay, through: CalendarDay? = nil, in content: SiteContent
    ) -> ContentEdit {
        let last = through ?? from
        let dates = through.map { "\(from)..\($0)" } ?? from.description
        let overlapping = (content.hours(for: location)?.special ?? []).filter { $0.from <= last && from <= $0.lastDay }
        let kept = overlapping.flatMap { remaining($0, without: from, through: last) }
        var summary = "Hours: \(location) remove special hours \(dates)"
        if !kept.isEmpty {
            summary += "; \(overlapping.map(label).joined(separator: ", ")) keeps \(kept.map(label).joined(separator: " and "))"
        }
        return edit(location, change: "hours.special.remove", summary: summary) { hours in
            guard hours.special.contains(where: { $0.from <= last && from <= $0.lastDay }) else {
                throw WorkflowError(
                    .notFound, "\(location) has no special hours on \(dates)", remedy: .showHours(location: location))
            }
            hours.special = hours.special.flatMap { special in
                special.from <= last && from <= special.lastDay ? remaining(special, without: from, through: last) : [special]
            }
        }.recording(.specialRemoval(location, from: from, through: through))
    }

    /// What is left of `special` once the days `from` through `last` are taken out: nothing, one part or two.
    static func remaining(_ special: SpecialHours, without from: CalendarDay, through last: CalendarDay) -> [SpecialHours] {
        var parts: [SpecialHours] = []
        if special.from < from {
            var before = special
            before.through = from.previous == special.from ? nil : from.previous
            parts.append(before)
        }
        if last < special.lastDay {
            var after = special
            after.from = last.next
            after.through = special.lastDay == last.next ? nil : special.lastDay
            parts.append(after)
        }
        return parts
    }

    /// `2026-12-24` or `2026-12-24..2026-12-26`.
    static func label(_ special: SpecialHours) -> String {
        special.through.map { "\(special.from)..\($0)" } ?? special.from.description
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
