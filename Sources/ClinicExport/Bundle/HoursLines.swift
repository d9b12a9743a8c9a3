import ClinicContent

/// The words hour lines are printed with in one locale.
///
/// Built in, not read from the system's locale data, so the same revision
/// prints the same lines on every machine. Locales without their own words
/// use English (documented in docs/bundle.md).
public struct HoursVocabulary: Sendable {
    public var dayNames: [String]
    public var monthNames: [String]
    public var byAppointment: String
    public var closed: String
    var time: @Sendable (TimeOfDay) -> String
    var date: @Sendable (CalendarDay, [String]) -> String
    /// Both ends of a date range in one year: `Dec 24 – Dec 26, 2026`.
    var dateRange: @Sendable (CalendarDay, CalendarDay, [String]) -> String

    public static let english = HoursVocabulary(
        dayNames: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        monthNames: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        byAppointment: "by appointment", closed: "Closed",
        time: { $0.twelveHour },
        date: { day, months in "\(months[day.month - 1]) \(day.day), \(day.year)" },
        dateRange: { a, b, months in "\(months[a.month - 1]) \(a.day) – \(months[b.month - 1]) \(b.day), \(b.year)" })

    public static let spanish = HoursVocabulary(
        dayNames: ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
        monthNames: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
        byAppointment: "con cita previa", closed: "Cerrado",
        time: { "\($0.minutes / 60):" + ($0.minutes % 60 < 10 ? "0" : "") + "\($0.minutes % 60)" },
        date: { day, months in "\(day.day) \(months[day.month - 1]) \(day.year)" },
        dateRange: { a, b, months in "\(a.day) \(months[a.month - 1]) – \(b.day) \(months[b.month - 1]) \(b.year)" })

    /// The words for `locale` (`es`, `es-MX` → Spanish), English otherwise.
    public static func forLocale(_ locale: String) -> HoursVocabulary {
        let language = locale.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return language == "es" ? .spanish : .english
    }

    /// `Mon–Thu`, `Mon, Tue`, `Mon, Wed, Fri`.
    public func label(_ days: [Weekday]) -> String {
        var runs: [[Weekday]] = []
        for day in Array(Set(days)).sorted() {
            if let last = runs.last?.last, last.index + 1 == day.index {
                runs[runs.count - 1].append(day)
            } else {
                runs.append([day])
            }
        }
        return runs.map { run in
            let first = dayNames[run[0].index]
            let last = dayNames[run[run.count - 1].index]
            switch run.count {
            case 1: return first
            case 2: return "\(first), \(last)"
            default: return "\(first)–\(last)"
            }
        }.joined(separator: ", ")
    }

    /// `7:00 AM – 7:00 PM`; several ranges joined by commas.
    public func ranges(_ ranges: [TimeRange]) -> String {
        ranges.map { "\(time($0.opens)) – \(time($0.closes))" }.joined(separator: ", ")
    }

    /// `Dec 24, 2026` or `Dec 24 – Dec 26, 2026`.
    public func dates(_ from: CalendarDay, _ through: CalendarDay?) -> String {
        guard let through, through != from else { return date(from, monthNames) }
        if through.year == from.year { return dateRange(from, through, monthNames) }
        return "\(date(from, monthNames)) – \(date(through, monthNames))"
    }
}

/// What a location does on one weekday.
public enum DayPlan: Hashable, Sendable {
    case open([TimeRange])
    case byAppointment
    case closed

    /// The plan for `day`: open ranges win, then an appointment-only rule, else closed.
    public init(_ hours: LocationHours, _ day: Weekday) {
        let ranges = hours.ranges(on: day)
        if !ranges.isEmpty {
            self = .open(ranges)
        } else if hours.appointment(on: day) != nil {
            self = .byAppointment
        } else {
            self = .closed
        }
    }

    public var status: String {
        switch self {
        case .open: "open"
        case .byAppointment: "by-appointment"
        case .closed: "closed"
        }
    }

    func text(_ words: HoursVocabulary) -> String {
        switch self {
        case .open(let ranges): words.ranges(ranges)
        case .byAppointment: words.byAppointment
        case .closed: words.closed
        }
    }
}

/// Ready-to-print hour lines: `Mon–Thu 7:00 AM – 7:00 PM`, `Sat by appointment`.
public enum HoursLines {
    /// One location's week; days with the same plan share a line, closed days are left out.
    public static func weekly(_ hours: LocationHours, locale: String) -> [String] {
        let words = HoursVocabulary.forLocale(locale)
        let plans = Weekday.allCases.map { ($0, DayPlan(hours, $0)) }.filter { $0.1 != .closed }
        return group(plans.map { (day: $0.0, key: $0.1) }).map { days, plan in
            "\(words.label(days)) \(plan.text(words))"
        }
    }

    /// Special dates: `Dec 24 – Dec 26, 2026: Closed (Christmas)`.
    public static func special(_ hours: LocationHours, locale: String, defaultLocale: String) -> [String] {
        let words = HoursVocabulary.forLocale(locale)
        return hours.special.map { entry in
            let what = entry.closed || entry.ranges.isEmpty ? words.closed : words.ranges(entry.ranges)
            let reason = entry.reason?.text(for: locale, defaultLocale: defaultLocale).map { " (\($0))" } ?? ""
            return "\(words.dates(entry.from, entry.through)): \(what)\(reason)"
        }
    }

    /// The clinic's week across its locations. A day every location keeps
    /// alike is printed plainly; otherwise each differing plan names its
    /// locations: `Sat by appointment (Glenview)`. Days closed everywhere,
    /// and closed locations on a day others are open, are left out; so are
    /// locations that are not open (temporarily or permanently closed).
    public static func summary(_ content: SiteContent, locale: String) -> [String] {
        let words = HoursVocabulary.forLocale(locale)
        let defaultLocale = content.clinic.defaultLocale
        let places = content.locations.filter { $0.status == .open }.compactMap { location in
            content.hours(for: location.id).map { (location, $0) }
        }
        guard !places.isEmpty else { return [] }
        struct Key: Hashable {
            let plan: DayPlan
            let locations: [String]
        }
        var entries: [(day: Weekday, key: Key)] = []
        for day in Weekday.allCases {
            let plans = places.map { DayPlan($0.1, day) }
            if Set(plans).count == 1 {
                if plans[0] != .closed { entries.append((day, Key(plan: plans[0], locations: []))) }
                continue
            }
            var seen: [DayPlan] = []
            for plan in plans where plan != .closed && !seen.contains(plan) {
                seen.append(plan)
                let names = places.filter { DayPlan($0.1, day) == plan }
                    .map { $0.0.label.text(for: locale, defaultLocale: defaultLocale) ?? $0.0.id }
                entries.append((day, Key(plan: plan, locations: names)))
            }
        }
        return group(entries).map { days, key in
            let suffix = key.locations.isEmpty ? "" : " (\(key.locations.joined(separator: ", ")))"
            return "\(words.label(days)) \(key.plan.text(words))\(suffix)"
        }
    }

    /// Days grouped by equal keys, in the order each key first appears.
    static func group<Key: Hashable>(_ entries: [(day: Weekday, key: Key)]) -> [([Weekday], Key)] {
        var order: [Key] = []
        var days: [Key: [Weekday]] = [:]
        for (day, key) in entries {
            if days[key] == nil { order.append(key) }
            days[key, default: []].append(day)
        }
        return order.map { (days[$0]!, $0) }
    }
}
