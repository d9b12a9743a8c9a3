/// What is wrong with a time or a date as someone wrote it, in words: `25 is not an hour
/// (00-24)`, `February 2026 has 28 days`. The one place these are worded, for findings in
/// files and for refusals of what was typed alike.
extension TimeOfDay {
    /// Why `text` (`25:00`, `8:61`, `13pm`, `24:30`) is not a time, when a number in it is out of
    /// range; nil when it is a time, or when it is not written like one at all (then the caller
    /// says how to write it).
    public static func problem(in text: String) -> String? {
        var word = text.lowercased().filter { $0 != " " && $0 != "." }
        var meridiem = false
        for suffix in ["am", "pm", "a", "p"] where word.hasSuffix(suffix) {
            meridiem = true
            word.removeLast(suffix.count)
            break
        }
        let parts = word.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), parts.allSatisfy(Self.isNumber), let hour = Int(parts[0]) else { return nil }
        let minute = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        if meridiem && !(1...12).contains(hour) { return "\(parts[0]) is not an hour on a 12-hour clock (1-12)" }
        if hour > 24 { return "\(parts[0]) is not an hour (00-24)" }
        if minute > 59 { return "\(parts[1]) is not a minute (00-59)" }
        if hour == 24 && minute > 0 { return "\(word) is past the end of the day (24:00)" }
        return nil
    }

    private static func isNumber(_ part: String) -> Bool {
        (1...2).contains(part.count) && part.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

extension CalendarDay {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// Why `text`, written `YYYY-MM-DD`, is no real date: `13 is not a month`, `February 2026
    /// has 28 days`, `00 is not a day`; nil when it is one, or is not written `YYYY-MM-DD`.
    public static func problem(in text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        if year == 0 { return "0000 is not a year" }
        guard (1...12).contains(month) else { return "\(parts[1]) is not a month" }
        if day == 0 { return "00 is not a day" }
        let days = daysIn(month: month, year: year)
        return day > days ? "\(monthNames[month - 1]) \(year) has \(days) days" : nil
    }
}
