import Foundation

/// A day of the week, Monday first as the clinic's week is printed.
public enum Weekday: String, CaseIterable, Sendable, Comparable, Hashable {
    case mon, tue, wed, thu, fri, sat, sun

    public var index: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }

    /// English name, for messages and schema.org (`Monday`).
    public var fullName: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][index]
    }
    /// Short English name (`Mon`).
    public var shortName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// The next day, Sunday wrapping to Monday.
    public var next: Weekday { Self.allCases[(index + 1) % 7] }

    /// Reads a day set as people type it: `mon`, `Monday`, `mon-thu`, `mon,wed,fri`,
    /// `weekdays`, `weekends`, `daily`. Returns the days in week order, or nil.
    public static func parseSet(_ text: String) -> [Weekday]? {
        var days = Set<Weekday>()
        for part in text.lowercased().split(separator: ",", omittingEmptySubsequences: false) {
            let item = part.trimmingCharacters(in: .whitespaces)
            switch item {
            case "daily", "everyday", "all": days.formUnion(allCases)
            case "weekdays": days.formUnion([.mon, .tue, .wed, .thu, .fri])
            case "weekends", "weekend": days.formUnion([.sat, .sun])
            default:
                let ends = item.split(separator: "-", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                guard ends.count <= 2, let first = parseOne(ends[0]) else { return nil }
                guard ends.count == 2, let last = parseOne(ends[1]) else {
                    if ends.count == 2 { return nil }
                    days.insert(first)
                    continue
                }
                var day = first
                days.insert(day)
                while day != last {
                    day = day.next
                    days.insert(day)
                }
            }
        }
        return days.isEmpty ? nil : days.sorted()
    }

    /// One day name: `mon`, `monday`, `Mon.`, `tues`, `thurs`.
    public static func parseOne(_ text: String) -> Weekday? {
        let word = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        guard word.count >= 2 else { return nil }
        return allCases.first { day in
            day.fullName.lowercased().hasPrefix(word) && (word.count >= 3 || day == .mon || day == .fri)
                && allCases.filter { $0.fullName.lowercased().hasPrefix(word) }.count == 1
        }
    }

    /// Days for a sentence, in week order: `Monday`, `Monday and Saturday`,
    /// `Tuesday–Friday and Sunday` (a run of three or more days as its first and last).
    public static func sentence(_ days: [Weekday]) -> String {
        var items: [String] = []
        for run in runs(days) {
            if run.count > 2 { items.append("\(run[0].fullName)–\(run.last!.fullName)") } else { items += run.map(\.fullName) }
        }
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// The days in week order, each once, as runs of consecutive days.
    public static func runs(_ days: [Weekday]) -> [[Weekday]] {
        var runs: [[Weekday]] = []
        for day in Array(Set(days)).sorted() {
            if let last = runs.last?.last, last.index + 1 == day.index {
                runs[runs.count - 1].append(day)
            } else {
                runs.append([day])
            }
        }
        return runs
    }

    /// A compact label for a set of days: `Mon–Thu`, `Mon, Wed, Fri`, `Sat`.
    public static func label(_ days: [Weekday]) -> String {
        runs(days).map { run in
            switch run.count {
            case 1: run[0].shortName
            case 2: "\(run[0].shortName), \(run[1].shortName)"
            default: "\(run[0].shortName)–\(run.last!.shortName)"
            }
        }.joined(separator: ", ")
    }
}

/// A time of day in minutes since midnight, 00:00 through 24:00 (end of day).
public struct TimeOfDay: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let minutes: Int

    public init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    public static func < (a: Self, b: Self) -> Bool { a.minutes < b.minutes }

    /// The canonical, stored form: `07:00`, `24:00`.
    public var description: String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    /// 12-hour form for people: `7:00 AM`, `12:00 PM`, `12:00 AM` for midnight.
    public var twelveHour: String {
        let hour = (minutes / 60) % 24
        let suffix = hour < 12 ? "AM" : "PM"
        let shown = hour % 12 == 0 ? 12 : hour % 12
        return String(format: "%d:%02d %@", shown, minutes % 60, suffix)
    }

    /// The stored form only: exactly `HH:MM`.
    public init?(canonical text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard text.count == 5, parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]),
            parts[0].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isASCII),
            (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0
        else { return nil }
        self.init(minutes: hour * 60 + minute)
    }

    /// Any form people type: `07:00`, `7:00`, `7`, `7am`, `7:30pm`, `19:00`, `noon`, `midnight`.
    public init?(parsing text: String) {
        guard let typed = Self.reading(text) else { return nil }
        self = typed.time
    }

    /// How a typed time was written, which decides how a range of hours is read.
    public enum Writing: Sendable, Equatable {
        /// With am/pm, or `noon`/`midnight`: taken as written.
        case meridiem
        /// `07:00`, `19:00`, `0:30`: taken as written.
        case twentyFourHour
        /// `5`, `5:30`, `11`: a clock hour from 1 to 12 with neither am/pm nor a leading zero,
        /// which people use for either half of the day.
        case bareHour
    }

    /// Reads a time as people type it and says how it was written.
    public static func reading(_ text: String) -> (time: TimeOfDay, writing: Writing)? {
        var word = text.lowercased().replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: ".", with: "")
        if word == "noon" { return TimeOfDay(minutes: 720).map { ($0, .meridiem) } }
        if word == "midnight" { return TimeOfDay(minutes: 0).map { ($0, .meridiem) } }
        var meridiem: String?
        for suffix in ["am", "pm", "a", "p"] where word.hasSuffix(suffix) {
            meridiem = String(suffix.prefix(1))
            word.removeLast(suffix.count)
            break
        }
        let parts = word.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (1...2).contains(parts[0].count),
            parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), var hour = Int(parts[0])
        else { return nil }
        var minute = 0
        if parts.count == 2 {
            guard parts[1].count == 2, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let m = Int(parts[1]) else { return nil }
            minute = m
        }
        guard minute < 60 else { return nil }
        let writing: Writing
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            if meridiem == "a" { hour = hour == 12 ? 0 : hour } else { hour = hour == 12 ? 12 : hour + 12 }
            writing = .meridiem
        } else {
            writing = (1...12).contains(hour) && !parts[0].hasPrefix("0") ? .bareHour : .twentyFourHour
        }
        guard hour < 24 || (hour == 24 && minute == 0), let time = TimeOfDay(minutes: hour * 60 + minute) else { return nil }
        return (time, writing)
    }

    /// The same clock time after noon (`5:30` → `17:30`); nil from 12:00 on, already afternoon.
    var afternoon: TimeOfDay? {
        (60..<720).contains(minutes) ? TimeOfDay(minutes: minutes + 720) : nil
    }
}
