/// Bytes in, complete lines out; the last unterminated line on `finish`.
///
/// A line longer than `longestLine` bytes is cut there and says how much was
/// left out, so a hook printing one endless line cannot fill the memory.
struct LineSplitter {
    static let longestLine = 4_096
    var pending: [UInt8] = []
    /// Bytes of the current line beyond `longestLine`, dropped.
    var cut = 0

    mutating func append(_ bytes: ArraySlice<UInt8>) -> [String] {
        var lines: [String] = []
        var start = bytes.startIndex
        // Each byte is looked at once: no rescanning of what is pending.
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            keep(bytes[start..<newline])
            lines.append(takeLine())
            start = newline + 1
        }
        keep(bytes[start...])
        return lines
    }

    mutating func finish() -> String? {
        pending.isEmpty && cut == 0 ? nil : takeLine()
    }

    private mutating func keep(_ bytes: ArraySlice<UInt8>) {
        let room = min(bytes.count, max(0, Self.longestLine - pending.count))
        pending.append(contentsOf: bytes.prefix(room))
        cut += bytes.count - room
    }

    private mutating func takeLine() -> String {
        var line = Self.text(pending[...])
        if cut > 0 { line += " … (\(cut) more bytes not shown)" }
        pending.removeAll(keepingCapacity: true)
        cut = 0
        return line
    }

    static func text(_ bytes: ArraySlice<UInt8>) -> String {
        let line = String(decoding: bytes, as: UTF8.self)
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
}

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
