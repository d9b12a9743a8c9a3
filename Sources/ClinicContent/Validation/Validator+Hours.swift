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
            checkListingLimits(hours, file: file)
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

    /// `Saturday is both open (08:00-12:00) and by appointment only; choose one`, or for several
    /// days `Monday and Friday are both open (Monday 07:00-19:00; Friday 07:00-15:00) and …`.
    static func openAndAppointment(_ days: [Weekday], _ hours: LocationHours) -> String {
        let open = { (day: Weekday) in hours.ranges(on: day).map(\.canonicalLabel).joined(separator: ", ") }
        guard days.count > 1 else { return "\(days[0].fullName) is both open (\(open(days[0]))) and by appointment only; choose one" }
        let each = days.map { "\($0.fullName) \(open($0))" }.joined(separator: "; ")
        return "\(Weekday.sentence(days)) are both open (\(each)) and by appointment only; choose one"
    }

    /// A range and the field it comes from, as overlap findings name it.
    typealias FieldRange = (range: TimeRange, field: String)

    /// Pairs of ranges sharing any minute, each once, the later one first; the first `skipping`
    /// are only compared against.
    func overlaps(_ ranges: [FieldRange], skipping: Int = 0) -> [(FieldRange, FieldRange)] {
        ranges.enumerated().filter { $0.offset >= skipping }.flatMap { i, a in
            ranges[..<i].filter { a.range.interval.overlaps($0.range.interval) }.map { (a, $0) }
        }
    }

    /// One finding per overlapping pair at the later range, naming `what` it is about.
    mutating func report(overlaps pairs: [(FieldRange, FieldRange)], file: String, what: String) {
        for (a, b) in pairs {
            report(.hoursOverlap, file, a.field, "\(what): \(a.range.canonicalLabel) overlaps \(b.range.canonicalLabel) (\(b.field))")
        }
    }

    mutating func checkWeekly(_ hours: LocationHours, file: String) {
        for (index, weekly) in hours.weekly.enumerated() {
            let field = entry(file, "weekly", index)
            if weekly.days.isEmpty { report(.hoursDaysRequired, file, "\(field).days", "\(field).days names no day") }
            let twice = Weekday.allCases.filter { day in weekly.days.filter { $0 == day }.count > 1 }
            if !twice.isEmpty {
                report(.hoursDay, file, "\(field).days", "\(field).days names \(Weekday.sentence(twice)) twice")
            }
            checkRange(weekly.range, file: file, field: field)
        }
        // A bad range is one finding, however many days it spoils: the days are named in week
        // order, gathered here by the range's field.
        var spoiled = DaysPerFinding()
        for day in Weekday.allCases {
            let (ranges, spills) = dayRanges(hours, file: file, day: day)
            for (a, b) in overlaps(ranges, skipping: spills) {
                spoiled.add(day, field: a.field, "\(a.range.canonicalLabel) overlaps \(b.range.canonicalLabel) (\(b.field))")
            }
        }
        for (field, message) in spoiled.findings { report(.hoursOverlap, file, field, message) }
        checkAppointments(hours, file: file)
    }

    /// The ranges open on `day`: first the part of yesterday's overnight ranges that spills into
    /// it (`spills` of them), then its own. Spills come first so an overlap is reported at this
    /// day's range, a real field with a line; spills are not compared with each other (they
    /// already overlap yesterday).
    func dayRanges(_ hours: LocationHours, file: String, day: Weekday) -> (ranges: [FieldRange], spills: Int) {
        var ranges: [FieldRange] = []
        let yesterday = Weekday.allCases[(day.index + 6) % 7]
        for (index, weekly) in hours.weekly.enumerated() where weekly.days.contains(yesterday) && weekly.range.interval.upperBound > 1440 {
            let spill = TimeRange(opens: TimeOfDay(minutes: 0)!, closes: TimeOfDay(minutes: weekly.range.interval.upperBound - 1440)!)
            ranges.append((spill, "\(entry(file, "weekly", index)) after midnight"))
        }
        let spills = ranges.count
        for (index, weekly) in hours.weekly.enumerated() where weekly.days.contains(day) {
            ranges.append((weekly.range, entry(file, "weekly", index)))
        }
        return (ranges, spills)
    }

    /// A day open and by appointment, or in two by-appointment entries: one finding per entry,
    /// its days in week order.
    mutating func checkAppointments(_ hours: LocationHours, file: String) {
        var open: [Int: [Weekday]] = [:]
        var twice: [Int: [Weekday]] = [:]
        for day in Weekday.allCases {
            let appointments = hours.byAppointment.indices.filter { hours.byAppointment[$0].days.contains(day) }
            if let first = appointments.first, !hours.ranges(on: day).isEmpty { open[first, default: []].append(day) }
            if appointments.count > 1 { twice[appointments[1], default: []].append(day) }
        }
        for (index, days) in open.sorted(by: { $0.key < $1.key }) {
            report(.hoursOpenAndAppointment, file, "\(entry(file, "byAppointment", index)).days", Self.openAndAppointment(days, hours))
        }
        for (index, days) in twice.sorted(by: { $0.key < $1.key }) {
            let verb = days.count == 1 ? "is" : "are"
            report(
                .hoursOverlap, file, "\(entry(file, "byAppointment", index)).days",
                "\(Weekday.sentence(days)) \(verb) listed in two by-appointment rules")
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
            let ranges = special.ranges.enumerated().map { (range: $0.element, field: entry(file, "\(field).ranges", $0.offset)) }
            for (range, rangeField) in ranges { checkRange(range, file: file, field: rangeField) }
            report(overlaps: overlaps(ranges), file: file, what: "special hours from \(special.from)")
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

/// What is wrong at each field, day by day, gathered while the week is checked so that a bad
/// value is one finding however many days it spoils: `Monday–Thursday: 08:00-09:00 overlaps
/// 07:00-19:00 (weekly[0]); Friday: …`, the days and the parts in week order (as added).
struct DaysPerFinding {
    private var fields: [String] = []
    private var parts: [String: [String]] = [:]
    private var days: [String: [Weekday]] = [:]

    mutating func add(_ day: Weekday, field: String, _ what: String) {
        if parts[field] == nil { fields.append(field) }
        if !parts[field, default: []].contains(what) { parts[field, default: []].append(what) }
        days[field + "\u{0}" + what, default: []].append(day)
    }

    /// One message per field.
    var findings: [(field: String, message: String)] {
        fields.map { field in
            (field, parts[field]!.map { "\(Weekday.sentence(days[field + "\u{0}" + $0]!)): \($0)" }.joined(separator: "; "))
        }
    }
}
