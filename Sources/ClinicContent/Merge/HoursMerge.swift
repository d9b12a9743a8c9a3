/// `hours/<id>.yaml`: each weekday one field, each special date one field.
///
/// When only one side changed the week (its weekly and appointment rules), its rules are
/// taken as they are. When both did, each day is merged on its own and the other side's
/// days are set into ours the way `hours set` sets a day, so a day's rule is shared with
/// the days of the same range as a person editing day by day would have it.
struct HoursFileKind: MergedFileKind {
    func record(_ stem: String) -> (key: String, label: String) { ("hours/\(stem)", "hours \(stem)") }

    func read(_ text: String, _ path: String, _ locale: String, _ loader: ContentLoader, _ state: inout LoadState) -> LocationHours? {
        loader.readHours(text, path, ContentLoader.stem(path), locale, &state)
    }

    func write(_ hours: LocationHours, _ writer: CanonicalWriter) -> String? { writer.hours(hours) }

    func merge(_ sides: MergeSides<LocationHours?>, at place: RecordPlace, _ run: inout MergeRun) throws(TextMergeNeeded)
        -> LocationHours?
    {
        let sides = sides.map { version in
            version.map { hours in
                var hours = hours
                hours.normalize()
                return hours
            }
        }
        let week = sides.map { $0.map(WeekRules.init) }
        let days = week.changedSide != nil ? [WeekRules.field] : Weekday.allCases.map { dayField($0, place.locale) }
        let versions = [sides.base, sides.ours, sides.theirs].compactMap { $0 }
        let dates = Set(versions.flatMap { $0.special.map(\.from) }).sorted()
        let fields = [.text("location", "location", \.location)] + days + dates.map { specialField($0, place.locale) }
        return try RecordMerge(fields: fields).merge(sides, at: place, &run)
    }

    /// A weekday: its ranges and appointment rules, set as `hours set` would set it.
    func dayField(_ day: Weekday, _ locale: String) -> MergeField<LocationHours> {
        MergeField(
            day.rawValue, day.fullName, get: { DaySchedule($0, day) },
            set: { (hours, schedule) throws(TextMergeNeeded) in
                hours.set(day, to: schedule)
                // A day that holds the same range or note twice cannot be set back as it was.
                guard DaySchedule(hours, day) == schedule else { throw TextMergeNeeded() }
            },
            text: { $0.text(locale: locale) })
    }

    /// The special hours starting on `date` (one entry, unless a file lists the date twice).
    func specialField(_ date: CalendarDay, _ locale: String) -> MergeField<LocationHours> {
        MergeField(
            "special.\(date)", "special hours \(date)", get: { $0.special.filter { $0.from == date } },
            set: { hours, special in
                hours.special.removeAll { $0.from == date }
                hours.special += special
                hours.normalize()
            },
            text: { special in
                special.isEmpty
                    ? "none"
                    : special.map { "\(ContentDiff.specialDates($0)) \(ContentDiff.specialText($0, locale: locale))" }
                        .joined(separator: "; ")
            })
    }
}

/// The weekly and appointment rules of a location, as stored: what "only one side changed the week" compares.
struct WeekRules: Equatable {
    var weekly: [WeeklyRange]
    var byAppointment: [AppointmentDays]

    init(_ hours: LocationHours) {
        weekly = hours.weekly
        byAppointment = hours.byAppointment
    }

    /// The whole week as one field, used when only one side changed it (so it never conflicts).
    static var field: MergeField<LocationHours> {
        MergeField(
            "week", "week", get: WeekRules.init,
            set: { hours, rules in
                hours.weekly = rules.weekly
                hours.byAppointment = rules.byAppointment
            },
            text: { _ in "" })
    }
}
