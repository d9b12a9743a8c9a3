import ClinicContent
import Foundation
import Testing

@testable import ClinicExport

/// The clinic's zone in the listing tests: it changes its clocks on 2026-11-01 and 2027-03-14.
let chicago = TimeZone(identifier: "America/Chicago")!

/// Every `step` seconds from `start` for `count` steps: real instants, so a day
/// on which the clocks change has 46 or 50 of them.
func instants(from start: Date, count: Int, step: TimeInterval = 1800) -> [Date] {
    (0..<count).map { start.addingTimeInterval(TimeInterval($0) * step) }
}

/// The model's answer at each instant: the local date and minute in `zone`, asked of `hours`.
func modelStates(_ hours: ListingHours, at instants: [Date], zone: TimeZone = chicago) -> [String] {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    return instants.map { instant in
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let day = CalendarDay(year: c.year!, month: c.month!, day: c.day!)!
        return hours.state(on: day, minute: c.hour! * 60 + c.minute!).rawValue
    }
}

/// The independent witness (PyPI's opening-hours-py): reads lines of
/// `<opening_hours line>` paired with instants, converts each instant to the
/// zone's wall clock with Python's zoneinfo, and prints the state there.
/// Input: JSON `{"zone": ..., "cases": [{"line": ..., "instants": [epoch, ...]}]}`.
let openingHoursWitness = """
    import json, sys, datetime
    from zoneinfo import ZoneInfo
    import opening_hours
    data = json.load(sys.stdin)
    zone = ZoneInfo(data["zone"])
    out = []
    for case in data["cases"]:
        oh = opening_hours.OpeningHours(case["line"])
        states = []
        for t in case["instants"]:
            local = datetime.datetime.fromtimestamp(t, zone).replace(tzinfo=None)
            states.append(str(oh.state(local)[0]).lower().replace("state.", ""))
        out.append(states)
    print(json.dumps(out))
    """

/// The witness's states for each (line, instants) case, in order.
func witnessStates(_ cases: [(line: String, instants: [Date])], zone: TimeZone = chicago) throws -> [[String]] {
    let input: [String: Any] = [
        "zone": zone.identifier,
        "cases": cases.map { ["line": $0.line, "instants": $0.instants.map { Int($0.timeIntervalSince1970) }] },
    ]
    let text = String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self)
    let result = try run("python3", ["-c", openingHoursWitness], input: text)
    try #require(result.status == 0, "opening_hours witness failed: \(result.output)")
    let lines = result.output.split(separator: "\n")
    return try #require(try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as? [[String]])
}

/// The first instants at which the model and the witness disagree, for a message.
func disagreements(_ model: [String], _ witness: [String], _ instants: [Date], zone: TimeZone = chicago) -> [String] {
    let format = DateFormatter()
    format.dateFormat = "yyyy-MM-dd HH:mm zzz"
    format.timeZone = zone
    format.locale = Locale(identifier: "en_US_POSIX")
    return zip(instants.indices, instants).filter { model[$0.0] != witness[$0.0] }.prefix(5).map { index, instant in
        "\(format.string(from: instant)): model \(model[index]), opening_hours \(witness[index])"
    }
}

/// Deterministic randomness for the property tests (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `HH:MM`.
func time(_ text: String) -> TimeOfDay { TimeOfDay(canonical: text)! }

/// A date of the tests.
func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

/// The listing files of `content`'s bundle, by path.
func listingFile(_ content: SiteContent, _ location: String, _ format: ListingFormat, source: BundleSource = fixedSource) throws
    -> String
{
    let files = BundleExporter().files(for: content, source: source)
    return String(decoding: try #require(files[Listings.path(location, format)]), as: UTF8.self)
}
