/// Rules for opening hours: real times, no overlaps, open or by appointment
/// but not both, special dates real and in order.
extension ValidationRun {
    mutating func checkHours() {
        let locationIDs = Set(content.locations.map(\.id))
        var seen: [String: String] = [:]
        for (hours, file) in zip(content.hours, sources.hoursFiles) {
            checkIdentity(hours.location, kind: "hours' location", file: file, field: "location", seen: &seen)
            if !hours.location.isEmpty && !locationIDs.contains(hours.location) {
                report(
                    .refLocation, file, "location",
                    "location \"\(hours.location)\" does not exist; hours must belong to one of: \(locationIDs.sorted().joined(separator: ", "))"
                )
            }
            checkWeekly(hours, file: file)
            checkSpecial(hours, file: file)
        }
    }

    mutating func checkRange(_ range: TimeRange, file: String, field: String) {
        if range.opens == range.closes {
            report(.hoursEmptyRange, file, field, "\(field) opens and closes at the same time (\(range.opens))")
        } else if range.opens.minutes == 1440 {
            report(.hoursTime, file, "\(field).opens", "24:00 is the end of a day; a range cannot open at it (write 00:00)")
        } else if range.closes < range.opens && !range.overnight {
            report(
                .hoursOvernight, file, "\(field).closes",
                "\(field) closes (\(range.closes)) before it opens (\(range.opens)); if it runs past midnight add `overnight: true`")
        } else if range.overnight && range.closes > range.opens {
            report(
                .hoursOvernight, file, "\(field).overnight",
                "\(field) is marked overnight but closes (\(range.closes)) after it opens (\(range.opens)) on the same day")
        }
    }

    /// Ranges sharing any minute, reported once per pair at the later one; the first `skipping` are only compared against.
    mutating func checkOverlaps(_ ranges: [(range: TimeRange, field: String)], file: String, what: String, skipping: Int = 0) {
        for (i, a) in ranges.enumerated() where i >= skipping {
            for b in ranges[..<i] where a.range.interval.overlaps(b.range.interval) {
                report(
                    .hoursOverlap, file, a.field,
                    "\(what): \(a.range.canonicalLabel) overlaps \(b.range.canonicalLabel) (\(b.field))")
            }
        }
    }

    mutating func checkWeekly(_ hours: LocationHours, file: String) {
        for (index, weekly) in hours.weekly.enumerated() {
            let field = entry(file, "weekly", index)
            if weekly.days.isEmpty { report(.hoursDaysRequired, file, "\(field).days", "\(field).days names no day") }
            if Set(weekly.days).count != weekly.days.count { report(.hoursDay, file, "\(field).days", "\(field).days names a day twice") }
            checkRange(weekly.range, file: file, field: field)
        }
        for day in Weekday.allCases {
            // The part of yesterday's overnight ranges that spills into this day, then this day's ranges.
            // Spills come first so an overlap is reported at this day's range, a real field with a line;
            // spills are not compared with each other (they already overlap yesterday).
            var ranges: [(range: TimeRange, field: String)] = []
            for (index, weekly) in hours.weekly.enumerated()
            where weekly.days.contains(Weekday.allCases[(day.index + 6) % 7]) && weekly.range.interval.upperBound > 1440 {
                let spill = TimeRange(opens: TimeOfDay(minutes: 0)!, closes: TimeOfDay(minutes: weekly.range.interval.upperBound - 1440)!)
                ranges.append((spill, "\(entry(file, "weekly", index)) after midnight"))
            }
            let spills = ranges.count
            for (index, weekly) in hours.weekly.enumerated() where weekly.days.contains(day) {
                ranges.append((weekly.range, entry(file, "weekly", index)))
            }
            checkOverlaps(ranges, file: file, what: day.fullName, skipping: spills)
            let appointments = hours.byAppointment.enumerated().filter { $0.element.days.contains(day) }
            if let appointment = appointments.first, !hours.ranges(on: day).isEmpty {
                report(
                    .hoursOpenAndAppointment, file, "\(entry(file, "byAppointment", appointment.offset)).days",
                    "\(day.fullName) is both open (\(hours.ranges(on: day).map(\.canonicalLabel).joined(separator: ", "))) and by appointment only; choose one"
                )
            }
            if appointments.count > 1 {
                report(
                    .hoursOverlap, file, "\(entry(file, "byAppointment", appointments[1].offset)).days",
                    "\(day.fullName) is listed in two by-appointment rules")
            }
        }
        for (index, appointment) in hours.byAppointment.enumerated() {
            let field = entry(file, "byAppointment", index)
            if appointment.days.isEmpty {
                report(.hoursDaysRequired, file, "\(field).days", "\(field).days names no day")
            }
            checkText(appointment.note, file: file, field: "\(field).note", maxLength: 200)
        }
    }

    mutating func checkSpecial(_ hours: LocationHours, file: String) {
        for (index, special) in hours.special.enumerated() {
            let field = entry(file, "special", index)
            if let through = special.through, through < special.from {
                report(
                    .specialOrder, file, "\(field).through",
                    "\(field) ends (\(through)) before it starts (\(special.from)); put the earlier date in from")
            }
            if special.closed && !special.ranges.isEmpty {
                report(.specialClosedAndRanges, file, "\(field).closed", "\(field) is closed and also gives hours; keep one")
            }
            if !special.closed && special.ranges.isEmpty {
                report(.specialEmpty, file, field, "\(field) says neither `closed: true` nor any ranges")
            }
            let ranges = special.ranges.enumerated().map { ($0.element, entry(file, "\(field).ranges", $0.offset)) }
            for (range, rangeField) in ranges { checkRange(range, file: file, field: rangeField) }
            checkOverlaps(
                ranges, file: file,
                what: "special hours from \(special.from)")
            for (otherIndex, other) in hours.special[..<index].enumerated()
            where other.from <= special.lastDay && special.from <= other.lastDay {
                report(
                    .specialOverlap, file, "\(field).from",
                    "\(field) (\(special.from)) overlaps \(entry(file, "special", otherIndex)) (\(other.from)); each date can have one special rule"
                )
            }
            checkText(special.reason, file: file, field: "\(field).reason", maxLength: 200)
        }
    }
}
