/// Bytes in, complete lines out; the last unterminated line on `finish`.
///
/// A line longer than `longestLine` bytes is cut there and says how much was
/// left out, so a hook printing one endless line cannot fill the memory.
public struct LineSplitter {
    public static let longestLine = 4_096
    var pending: [UInt8] = []
    /// Bytes of the current line beyond `longestLine`, dropped.
    var cut = 0

    public init() {}

    public mutating func append(_ bytes: ArraySlice<UInt8>) -> [String] {
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

    public mutating func finish() -> String? {
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

    public static func text(_ bytes: ArraySlice<UInt8>) -> String {
        let line = String(decoding: bytes, as: UTF8.self)
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
}
