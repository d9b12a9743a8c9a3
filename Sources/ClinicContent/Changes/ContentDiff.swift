/// A field-level difference between two versions of the content: what a
/// reviewer reads and what a commit message lists.
public struct EntryChange: Hashable, Sendable, Codable {
    /// `moved`: an FAQ entry whose place on the page changed, and nothing else but its position number.
    public enum Kind: String, Sendable, Codable { case added, removed, changed, moved }

    /// One field's old and new value, as people read them.
    public struct FieldChange: Hashable, Sendable, Codable {
        /// A place in a list, counted from 1.
        public struct Move: Hashable, Sendable, Codable {
            public var from: Int
            public var to: Int
            public init(from: Int, to: Int) {
                self.from = from
                self.to = to
            }
        }

        public var field: String
        public var old: String?
        public var new: String?
        /// Set when the field names a list item (or an FAQ entry's page order) that moved;
        /// `old` and `new` then say the places in words (`2nd of 4`).
        public var move: Move?

        public init(field: String, old: String?, new: String?, move: Move? = nil) {
            self.field = field
            self.old = old
            self.new = new
            self.move = move
        }
    }

    /// `faq/what-is-dry-needling`, `location/glenview`, `hours/glenview`, `social`, `clinic`, `categories`.
    public var entry: String
    public var kind: Kind
    public var fields: [FieldChange]
    /// A short human title (`FAQ "What is dry needling?"`, `hours at Glenview`).
    public var title: String
}

/// Compares two versions of the content record by record and field by field.
///
/// Every field of the model is compared in every locale, and list order
/// counts: whenever the canonical files of two versions differ, at least one
/// change is listed, and when they are the same, none is.
public enum ContentDiff {
    public static func changes(from old: SiteContent?, to new: SiteContent) -> [EntryChange] {
        let oldRecords = old.map(records) ?? [:]
        let newRecords = records(new)
        let pageMoves = old.map { pageOrderMoves(from: $0, to: new) } ?? [:]
        return changes(Set(oldRecords.keys).union(newRecords.keys), oldRecords, newRecords, pageMoves)
    }

    /// The changes of the records named `keys`, each compared field by field.
    static func changes(
        _ keys: Set<String>, _ oldRecords: [String: DiffRecord], _ newRecords: [String: DiffRecord],
        _ pageMoves: [String: EntryChange.FieldChange]
    ) -> [EntryChange] {
        var result: [EntryChange] = []
        for key in sortedEntries(keys) {
            let before = oldRecords[key]
            let after = newRecords[key]
            let title = (after ?? before)!.title
            var fields = compare(before?.fields ?? [], after?.fields ?? [])
            if let move = pageMoves[key] { fields.insert(move, at: 0) }
            fields += ListDiff.changes(before?.list ?? [], after?.list ?? [])
            if fields.isEmpty, let layout = after?.layout, let was = before?.layout, layout != was {
                fields.append(.init(field: "days grouped as", old: was, new: layout))
            }
            guard !fields.isEmpty else { continue }
            let onlyMoved = pageMoves[key] != nil && fields.allSatisfy { $0.move != nil || $0.field == "position" }
            let kind: EntryChange.Kind = before == nil ? .added : after == nil ? .removed : onlyMoved ? .moved : .changed
            result.append(EntryChange(entry: key, kind: kind, fields: fields, title: title))
        }
        return result
    }

    /// Changes of same-named fields, in the order the fields are listed.
    static func compare(_ old: [(String, String)], _ new: [(String, String)]) -> [EntryChange.FieldChange] {
        orderedUnion(old.map(\.0), new.map(\.0)).compactMap { name in
            let o = old.first { $0.0 == name }?.1
            let n = new.first { $0.0 == name }?.1
            return o == n ? nil : .init(field: name, old: o, new: n)
        }
    }

    /// FAQ entries whose place on the page changed relative to the others, by entry key.
    static func pageOrderMoves(from old: SiteContent, to new: SiteContent) -> [String: EntryChange.FieldChange] {
        pageOrderMoves(pageOrder(old.faq).map(\.id), pageOrder(new.faq).map(\.id))
    }

    /// The order of `faqInPageOrder` as (position, id) pairs: sorting pairs, not whole entries.
    static func pageOrder(_ faq: [FAQEntry]) -> [(position: Int, id: String)] {
        faq.map { ($0.position, $0.id) }.sorted(by: precedesOnPage)
    }

    /// `faqInPageOrder`'s order, spelled out (a tuple `<` is slow in a debug build).
    static func precedesOnPage(_ a: (position: Int, id: String), _ b: (position: Int, id: String)) -> Bool {
        a.position != b.position ? a.position < b.position : a.id < b.id
    }

    /// FAQ entries whose place on the page changed, from the ids in page order before and after.
    static func pageOrderMoves(_ oldIDs: [String], _ newIDs: [String]) -> [String: EntryChange.FieldChange] {
        let before = oldIDs.map { ListItem(key: $0, fields: []) }
        let after = newIDs.map { ListItem(key: $0, fields: []) }
        var moves: [String: EntryChange.FieldChange] = [:]
        for pair in ListDiff(before, after).pairs where pair.moved {
            moves["faq/\(after[pair.new].key)"] = .init(
                field: "page order", old: ListDiff.ordinal(pair.old + 1, of: before.count),
                new: ListDiff.ordinal(pair.new + 1, of: after.count), move: .init(from: pair.old + 1, to: pair.new + 1))
        }
        return moves
    }

    /// The order kinds of entries are listed in.
    static let kindOrder = ["clinic", "location", "hours", "categories", "faq", "social"]

    /// The rank of an entry key's kind in `kindOrder`.
    static func kindRank(_ key: String) -> Int { kindOrder.firstIndex(of: String(key.split(separator: "/")[0])) ?? kindOrder.count }

    /// `keys` with the clinic first, then locations, hours, categories, FAQ, social. Each key's
    /// rank is worked out once, not at every comparison (with 5,000 entries that was a third
    /// of `review show`).
    static func sortedEntries(_ keys: Set<String>) -> [String] {
        keys.map { (kindRank($0), $0) }.sorted { $0 < $1 }.map(\.1)
    }

    static func orderedUnion(_ a: [String], _ b: [String]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for name in a + b where seen.insert(name).inserted { out.append(name) }
        return out
    }
}
