import Foundation

/// A tree object's bytes as Git stores them: entries `<mode> <name>\0<20-byte id>`,
/// sorted by name (a tree's name as if it ended in `/`).
///
/// Two versions of a 5,000-entry folder differ in an entry or two: the
/// comparison skips the bytes both share at the start and stops as soon as
/// the rest of both is the same, so it parses only the entries around a change.
enum RawTree {
    /// Where one entry lies in the tree's bytes.
    struct Entry {
        var whole: Range<Int>
        var name: Range<Int>
        var id: Range<Int>
        var isTree: Bool
    }

    static func damaged() -> GitError {
        GitError(code: .other, operation: "read a tree", message: "the tree object is damaged")
    }

    /// The entry starting at `offset`.
    static func entry(_ tree: UnsafeBufferPointer<UInt8>, at offset: Int) throws -> Entry {
        var space = offset
        while space < tree.count && tree[space] != UInt8(ascii: " ") { space += 1 }
        guard space < tree.count, let base = tree.baseAddress,
            let found = memchr(base + space, 0, tree.count - space)
        else { throw damaged() }
        let nul = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        guard nul + 21 <= tree.count else { throw damaged() }
        // Trees are the one mode "40000"; files are "100644", "100755", "120000", and "160000" for submodules.
        let isTree = space - offset == 5 && tree[offset] == UInt8(ascii: "4")
        return Entry(whole: offset..<nul + 21, name: space + 1..<nul, id: nul + 1..<nul + 21, isTree: isTree)
    }

    /// Every entry, in order.
    static func entries(_ tree: UnsafeBufferPointer<UInt8>) throws -> [Entry] {
        var entries: [Entry] = []
        var offset = 0
        while offset < tree.count {
            let entry = try entry(tree, at: offset)
            entries.append(entry)
            offset = entry.whole.upperBound
        }
        return entries
    }

    /// Calls `difference` for each name whose entry differs between `a` and
    /// `b`: with both entries when the name is in both (same kind), else with
    /// the one there is, in tree order.
    static func differences(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, _ difference: (Entry?, Entry?) throws -> Void
    ) throws {
        // Every entry that ends before the first differing byte is in both, at the same offset.
        let shared = commonPrefix(a, b)
        var i = 0
        while i < a.count {
            let end = try entry(a, at: i).whole.upperBound
            if end > shared { break }
            i = end
        }
        var j = i
        var checkRest = true
        while i < a.count || j < b.count {
            if checkRest {
                // After a change, the rest of both is usually the same bytes: then nothing further differs.
                checkRest = false
                if a.count - i == b.count - j, a.count == i || memcmp(a.baseAddress! + i, b.baseAddress! + j, a.count - i) == 0 { return }
            }
            let x = i < a.count ? try entry(a, at: i) : nil
            let y = j < b.count ? try entry(b, at: j) : nil
            if let x, let y, same(a, x.whole, b, y.whole) {
                i = x.whole.upperBound
                j = y.whole.upperBound
                continue
            }
            checkRest = true
            let order = x == nil ? 1 : y == nil ? -1 : self.order(a, x!, b, y!)
            if order == 0 {
                try difference(x, y)
                i = x!.whole.upperBound
                j = y!.whole.upperBound
            } else if order < 0 {
                try difference(x, nil)
                i = x!.whole.upperBound
            } else {
                try difference(nil, y)
                j = y!.whole.upperBound
            }
        }
    }

    /// How many bytes `a` and `b` share at their start, compared eight at a time.
    static func commonPrefix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let count = min(a.count, b.count)
        guard count > 0, let x = a.baseAddress, let y = b.baseAddress else { return 0 }
        var k = 0
        let raw = (UnsafeRawPointer(x), UnsafeRawPointer(y))
        while k + 8 <= count,
            raw.0.loadUnaligned(fromByteOffset: k, as: UInt64.self) == raw.1.loadUnaligned(fromByteOffset: k, as: UInt64.self)
        {
            k += 8
        }
        while k < count && x[k] == y[k] { k += 1 }
        return k
    }

    static func same(_ a: UnsafeBufferPointer<UInt8>, _ x: Range<Int>, _ b: UnsafeBufferPointer<UInt8>, _ y: Range<Int>) -> Bool {
        x.count == y.count && memcmp(a.baseAddress! + x.lowerBound, b.baseAddress! + y.lowerBound, x.count) == 0
    }

    /// Git's tree order: names byte by byte, a tree's name as if it ended in `/`.
    static func order(_ a: UnsafeBufferPointer<UInt8>, _ x: Entry, _ b: UnsafeBufferPointer<UInt8>, _ y: Entry) -> Int {
        let common = min(x.name.count, y.name.count)
        for k in 0..<common where a[x.name.lowerBound + k] != b[y.name.lowerBound + k] {
            return a[x.name.lowerBound + k] < b[y.name.lowerBound + k] ? -1 : 1
        }
        let p = x.name.count > common ? a[x.name.lowerBound + common] : x.isTree ? UInt8(ascii: "/") : 0
        let q = y.name.count > common ? b[y.name.lowerBound + common] : y.isTree ? UInt8(ascii: "/") : 0
        return p == q ? 0 : p < q ? -1 : 1
    }
}
