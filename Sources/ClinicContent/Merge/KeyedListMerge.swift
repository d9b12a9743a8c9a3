/// A list of records known by an id (FAQ categories, social links): each item merged as a
/// record of its own, and their order merged as one more fact (see `ListOrder`).
struct KeyedList<Item: Equatable> {
    let id: (Item) -> String
    /// The item's fields.
    let fields: (MergeSides<Item?>, RecordPlace) -> [MergeField<Item>]
    /// `category insurance`, `social link facebook`.
    let itemLabel: (String) -> String
    /// `category order`.
    let orderLabel: String

    /// The merged list; nil when it is empty (the file is not written).
    func merge(_ sides: MergeSides<[Item]?>, at place: RecordPlace, _ run: inout MergeRun) throws(TextMergeNeeded) -> [Item]? {
        let lists = sides.map { $0 ?? [] }
        let ids = lists.map { $0.map(id) }
        // One id twice in a list: which of the two an edit meant is not known.
        guard ids.sides.allSatisfy({ Set($0).count == $0.count }), Set(ids.base).count == ids.base.count else {
            throw TextMergeNeeded()
        }
        let byID = lists.map { Dictionary(uniqueKeysWithValues: $0.map { (id($0), $0) }) }
        var kept: [String: Item] = [:]
        for key in ContentDiff.orderedUnion(ids.ours + ids.theirs, ids.base) {
            let item = byID.map { $0[key] }
            let itemPlace = place.item(key, itemLabel(key))
            kept[key] = try RecordMerge(fields: fields(item, itemPlace)).merge(item, at: itemPlace, &run)
        }
        let order = ListOrder.merge(ids, keeping: Set(kept.keys), at: place.field("order", orderLabel), &run)
        return order.isEmpty ? nil : order.map { kept[$0]! }
    }
}

/// `categories.yaml`: categories by id, their order as one more fact.
struct CategoriesFileKind: MergedFileKind {
    func record(_ stem: String) -> (key: String, label: String) { ("categories", "categories") }

    func read(_ text: String, _ path: String, _ locale: String, _ loader: ContentLoader, _ state: inout LoadState) -> [FAQCategory]? {
        loader.readCategories(text, path, locale, &state)
    }

    func write(_ categories: [FAQCategory], _ writer: CanonicalWriter) -> String? {
        categories.isEmpty ? nil : writer.categories(categories)
    }

    func merge(_ sides: MergeSides<[FAQCategory]?>, at place: RecordPlace, _ run: inout MergeRun) throws(TextMergeNeeded)
        -> [FAQCategory]?
    {
        let list = KeyedList<FAQCategory>(
            id: \.id,
            fields: { item, place in [.text("id", "id", \.id)] + MergeField.localized("title", "title", \.title, item, place) },
            itemLabel: { "category \($0)" }, orderLabel: "category order")
        return try list.merge(sides, at: place, &run)
    }
}

/// `social.yaml`: links by network, their order as one more fact.
struct SocialFileKind: MergedFileKind {
    func record(_ stem: String) -> (key: String, label: String) { ("social", "social links") }

    func read(_ text: String, _ path: String, _ locale: String, _ loader: ContentLoader, _ state: inout LoadState) -> [SocialLink]? {
        loader.readSocial(text, path, &state)
    }

    func write(_ links: [SocialLink], _ writer: CanonicalWriter) -> String? { links.isEmpty ? nil : writer.social(links) }

    func merge(_ sides: MergeSides<[SocialLink]?>, at place: RecordPlace, _ run: inout MergeRun) throws(TextMergeNeeded)
        -> [SocialLink]?
    {
        let list = KeyedList<SocialLink>(
            id: \.network.rawValue,
            fields: { _, _ in
                [
                    MergeField("network", "network", \.network) { $0.rawValue },
                    .text("url", "address", \.url),
                    .text("handle", "handle", \.handle),
                ]
            },
            itemLabel: { "social link \($0)" }, orderLabel: "link order")
        return try list.merge(sides, at: place, &run)
    }
}
