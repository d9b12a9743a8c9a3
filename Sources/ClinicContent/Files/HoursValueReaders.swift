import Foundation

/// The small values hours files are made of: days, times, ranges and dates.
extension ContentLoader {
    /// Days named in `days`; none (missing or empty) is left to validation's `hours.days.required`.
    /// Nil when a name is not a day: the entry's days are then unknown, and the finding for
    /// that name is the only one (not also "names no day", nor a wrong overlap).
    func readDays(_ f: Fields, _ reader: YAMLFieldReader) -> [Weekday]? {
        var days: [Weekday] = []
        var unknown = false
        for (index, name) in (f.strings("days") ?? []).enumerated() {
            guard let day = Weekday(rawValue: name) else {
                reader.report(
                    "\(f.fieldPath("days"))[\(index)]", rule: .hoursDay,
                    "unknown day \"\(name)\"; write mon, tue, wed, thu, fri, sat or sun")
                unknown = true
                continue
            }
            days.append(day)
        }
        return unknown ? nil : days
    }

    func readTime(_ f: Fields, _ key: String, required: Rule, _ reader: YAMLFieldReader) -> TimeOfDay? {
        guard let text = f.string(key, required: required) else { return nil }
        guard let time = TimeOfDay(canonical: text) else {
            let message =
                TimeOfDay.problem(in: text).map { "\(key) \"\(text)\": \($0)" }
                ?? "\(key) \"\(text)\" is not a 24-hour time; write HH:MM from 00:00 to 24:00, like \"07:00\""
            reader.report(f.fieldPath(key), rule: .hoursTime, message)
            return nil
        }
        return time
    }

    /// A range; `opens` and `closes` are the rules their missing times break (weekly or special).
    func readRange(_ f: Fields, opens opensRule: Rule, closes closesRule: Rule, _ reader: YAMLFieldReader) -> TimeRange? {
        let opens = readTime(f, "opens", required: opensRule, reader)
        let closes = readTime(f, "closes", required: closesRule, reader)
        let overnight = f.bool("overnight") ?? false
        guard let opens, let closes else { return nil }
        return TimeRange(opens: opens, closes: closes, overnight: overnight)
    }

    func readDay(_ f: Fields, _ key: String, required: Rule?, _ reader: YAMLFieldReader) -> CalendarDay?? {
        guard let text = f.string(key, required: required) else { return .some(nil) }
        guard let day = CalendarDay(text) else {
            let message =
                CalendarDay.problem(in: text).map { "\(key) \"\(text)\": \($0)" }
                ?? "\(key) \"\(text)\" is not a real date; write YYYY-MM-DD, like \"2026-12-24\""
            reader.report(f.fieldPath(key), rule: .specialDate, message)
            return nil
        }
        return .some(day)
    }
}
