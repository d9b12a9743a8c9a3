/// One item of an ordered list a reviewer reads (a social link, a category,
/// a special date): the key people know it by and its fields.
struct ListItem: Hashable {
    struct Field: Hashable {
        /// Appended to the item's label to name the field; empty for the item's main value.
        var suffix: String
        var value: String
    }

    /// Not necessarily unique: two `other` social links share a key.
    var key: String
    var fields: [Field]

    init(key: String, fields: [(String, String)]) {
        self.key = key
        self.fields = fields.map { Field(suffix: $0.0, value: $0.1) }
    }
}

/// Pairs the items of two versions of an ordered list and says which were
/// added, removed, changed or moved.
///
/// Items equal in every field are paired first, so an unchanged item is never
/// mistaken for an edited one of the same key; the rest pair by key, the nth
/// leftover of a key with the nth (duplicate keys go by position). Of the
/// paired items, those outside the longest run kept in the same relative order
/// have moved.
struct ListDiff {
    struct Pair {
        var old: Int
        var new: Int
        var moved: Bool
    }

    var pairs: [Pair] = []
    var removed: [Int] = []
    var added: [Int] = []

    init(_ old: [ListItem], _ new: [ListItem]) {
        var oldOf = [Int?](repeating: nil, count: new.count)
        var takenOld = Set<Int>()
        func pairUp(by key: (ListItem) -> ListItem) {
            var waiting: [ListItem: [Int]] = [:]
            for (i, item) in old.enumerated() where !takenOld.contains(i) { waiting[key(item), default: []].append(i) }
            for (j, item) in new.enumerated() where oldOf[j] == nil {
                guard let i = waiting[key(item)]?.first else { continue }
                waiting[key(item)]!.removeFirst()
                oldOf[j] = i
                takenOld.insert(i)
            }
        }
        pairUp { $0 }
        pairUp { ListItem(key: $0.key, fields: []) }
        let matched = oldOf.enumerated().compactMap { j, i in i.map { (old: $0, new: j) } }
        let kept = Self.longestIncreasingRun(matched.map(\.old))
        pairs = matched.map { Pair(old: $0.old, new: $0.new, moved: !kept.contains($0.old)) }
        removed = old.indices.filter { !takenOld.contains($0) }
        added = new.indices.filter { oldOf[$0] == nil }
    }

    /// The values of the longest strictly increasing subsequence (patience sorting).
    static func longestIncreasingRun(_ values: [Int]) -> Set<Int> {
        var tails: [Int] = []  // indices into values
        var previous = [Int?](repeating: nil, count: values.count)
        for (index, value) in values.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if values[tails[mid]] < value { low = mid + 1 } else { high = mid }
            }
            previous[index] = low > 0 ? tails[low - 1] : nil
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var run = Set<Int>()
        var cursor = tails.last
        while let index = cursor {
            run.insert(values[index])
            cursor = previous[index]
        }
        return run
    }

    /// Field-level changes between the two lists, items named by `key` (numbered when a key repeats).
    static func changes(_ old: [ListItem], _ new: [ListItem]) -> [EntryChange.FieldChange] {
        let diff = ListDiff(old, new)
        let oldLabels = labels(old, repeated: repeatedKeys(old, new))
        let newLabels = labels(new, repeated: repeatedKeys(old, new))
        var out: [EntryChange.FieldChange] = []
        for i in diff.removed { out += fieldChanges(label: oldLabels[i], old: old[i], new: nil) }
        for pair in diff.pairs.sorted(by: { $0.new < $1.new }) {
            let label = newLabels[pair.new]
            if pair.moved {
                out.append(
                    .init(
                        field: label, old: ordinal(pair.old + 1, of: old.count), new: ordinal(pair.new + 1, of: new.count),
                        move: .init(from: pair.old + 1, to: pair.new + 1)))
            }
            out += fieldChanges(label: label, old: old[pair.old], new: new[pair.new])
        }
        for j in diff.added { out += fieldChanges(label: newLabels[j], old: nil, new: new[j]) }
        return out
    }

    static func fieldChanges(label: String, old: ListItem?, new: ListItem?) -> [EntryChange.FieldChange] {
        let suffixes = ContentDiff.orderedUnion((old?.fields ?? []).map(\.suffix), (new?.fields ?? []).map(\.suffix))
        return suffixes.compactMap { suffix in
            let o = old?.fields.first { $0.suffix == suffix }?.value
            let n = new?.fields.first { $0.suffix == suffix }?.value
            return o == n ? nil : .init(field: suffix.isEmpty ? label : "\(label) \(suffix)", old: o, new: n)
        }
    }

    static func repeatedKeys(_ old: [ListItem], _ new: [ListItem]) -> Set<String> {
        var counts: [String: Int] = [:]
        for list in [old, new] {
            var here: [String: Int] = [:]
            for item in list { here[item.key, default: 0] += 1 }
            for (key, count) in here { counts[key] = max(counts[key] ?? 0, count) }
        }
        return Set(counts.filter { $0.value > 1 }.keys)
    }

    /// `instagram`, or `other #2` for the second of two `other` items.
    static func labels(_ items: [ListItem], repeated: Set<String>) -> [String] {
        var seen: [String: Int] = [:]
        return items.map { item in
            seen[item.key, default: 0] += 1
            return repeated.contains(item.key) ? "\(item.key) #\(seen[item.key]!)" : item.key
        }
    }

    /// `2nd of 4`.
    static func ordinal(_ place: Int, of count: Int) -> String {
        let suffix =
            (11...13).contains(place % 100) ? "th" : place % 10 == 1 ? "st" : place % 10 == 2 ? "nd" : place % 10 == 3 ? "rd" : "th"
        return "\(place)\(suffix) of \(count)"
    }
}
