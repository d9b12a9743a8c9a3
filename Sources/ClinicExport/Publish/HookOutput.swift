/// The lines of a hook's output that are shown: the first `firstLines`, then
/// how many were left out, then the last `lastLines` (where a failing program
/// says why), so a hook printing without end cannot flood the terminal or a log.
struct HookOutputLimit {
    static let firstLines = 1_000
    static let lastLines = 50
    private var seen = 0
    private var tail: [String] = []
    private var tailStart = 0

    /// The line to show now, or nil when it is held back (it may be among the last).
    mutating func take(_ line: String) -> String? {
        seen += 1
        if seen <= Self.firstLines { return line }
        if tail.count < Self.lastLines {
            tail.append(line)
        } else {
            tail[tailStart] = line
            tailStart = (tailStart + 1) % Self.lastLines
        }
        return nil
    }

    /// What is left to show once the output ended.
    mutating func finish() -> [String] {
        let hidden = seen - Self.firstLines - tail.count
        let last = Array(tail[tailStart...] + tail[..<tailStart])
        tail = []
        tailStart = 0
        return (hidden > 0 ? ["(… \(hidden) lines not shown …)"] : []) + last
    }
}
