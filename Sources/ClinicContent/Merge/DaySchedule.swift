/// What one weekday holds in a location's hours: the value the merge compares day by day.
struct DaySchedule: Equatable {
    /// The ranges open that day, in opening order.
    var ranges: [TimeRange]
    /// The note of each appointment rule covering the day (nil for a rule without one).
    var appointments: [LocalizedText?]

    init(_ hours: LocationHours, _ day: Weekday) {
        ranges = hours.ranges(on: day)
        appointments = hours.byAppointment.filter { $0.days.contains(day) }.map(\.note)
    }

    /// `07:00-19:00`, `by appointment (By appointment; es: Con cita)`, `closed`.
    func text(locale: String) -> String {
        let booked = appointments.map { note -> String in
            guard let note, !note.translations.isEmpty else { return "by appointment" }
            let texts = note.locales(defaultLocale: locale).map { l in
                l == locale ? MergeText.short(note.translations[l]!) : "\(l): \(MergeText.short(note.translations[l]!))"
            }
            return "by appointment (\(texts.joined(separator: "; ")))"
        }
        let all = ranges.map(\.readableLabel) + booked
        return all.isEmpty ? "closed" : all.joined(separator: ", ")
    }
}

extension LocationHours {
    /// Sets `day` to `schedule` as `hours set` and `hours appointment` set a day: taken out of
    /// every rule, then added to the rule with the same range (or the same note), else to a new one.
    mutating func set(_ day: Weekday, to schedule: DaySchedule) {
        weekly = weekly.compactMap { rule in
            let left = rule.days.filter { $0 != day }
            return left.isEmpty ? nil : WeeklyRange(days: left, range: rule.range)
        }
        byAppointment = byAppointment.compactMap { rule in
            let left = rule.days.filter { $0 != day }
            return left.isEmpty ? nil : AppointmentDays(days: left, note: rule.note)
        }
        for range in schedule.ranges {
            if let same = weekly.firstIndex(where: { $0.range == range }) {
                weekly[same].days.append(day)
            } else {
                weekly.append(WeeklyRange(days: [day], range: range))
            }
        }
        for note in schedule.appointments {
            if let same = byAppointment.firstIndex(where: { $0.note == note }) {
                byAppointment[same].days.append(day)
            } else {
                byAppointment.append(AppointmentDays(days: [day], note: note))
            }
        }
        normalize()
    }
}
