import ClinicContent
import Foundation

/// Edits of the categories and the social links: an item added just after another (which
/// claims that place), renamed or readdressed, removed, or moved (which claims the list's order).
extension MergeEditor {
    mutating func categoryEdit(_ c: SiteContent, _ side: String) -> MergeEdit? {
        let ids = c.categories.map(\.id)
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            let id = "\(side)-category-\(number())"
            let anchor = pick([nil] + ids.map { Optional($0) })!
            let category = FAQCategory(id: id, title: LocalizedText("Category \(id)", locale: "en"))
            return MergeEdit(
                name: "category add \(id) after \(anchor ?? "start")", claims: ["categories/\(id)", place("categories", anchor)]
            ) {
                $0.categories.insert(category, after: anchor, by: \.id)
            }
        case 1:
            guard let id = pick(ids) else { return nil }
            let locale = pick(["en", "es"])!
            let title = "Title \(number())"
            return MergeEdit(name: "category rename \(id) \(locale)", claims: ["categories/\(id)/title/\(locale)"]) { c in
                c.categories[c.categories.firstIndex { $0.id == id }!].title.set(title, locale: locale)
            }
        case 2: return categoryRemove(c)
        default:
            guard ids.count > 1, let id = pick(ids), let anchor = pick([nil] + ids.filter { $0 != id }.map { Optional($0) }) else {
                return nil
            }
            return MergeEdit(
                name: "category move \(id) after \(anchor ?? "start")",
                claims: ["categories/order", place("categories", id), place("categories", anchor)]
            ) { $0.categories.move(id, after: anchor, by: \.id) }
        }
    }

    /// A category no entry is filed under; it claims the category, which an entry filed under it claims too.
    mutating func categoryRemove(_ c: SiteContent) -> MergeEdit? {
        let used = Set(c.faq.map(\.category))
        guard let id = pick(c.categories.map(\.id).filter { !used.contains($0) }) else { return nil }
        return MergeEdit(name: "category remove \(id)", claims: ["categories/\(id)"]) { $0.categories.removeAll { $0.id == id } }
    }

    mutating func socialEdit(_ c: SiteContent) -> MergeEdit? {
        let networks = c.social.map(\.network.rawValue)
        // Only networks the real content does not have are added, so an added link never stands for a moved one.
        let addable = [SocialNetwork.facebook, .youtube, .other].filter { !networks.contains($0.rawValue) }
        switch Int.random(in: 0..<5, using: &random) {
        case 0:
            guard let network = pick(addable), let anchor = pick([nil] + networks.map { Optional($0) }) else { return nil }
            let link = SocialLink(
                network: network, url: "https://\(network.rawValue).example/\(number())", handle: chance() ? "jason" : nil)
            return MergeEdit(
                name: "social add \(network) after \(anchor ?? "start")", claims: ["social/\(network)", place("social", anchor)]
            ) {
                $0.social.insert(link, after: anchor, by: \.network.rawValue)
            }
        case 1:
            guard let network = pick(networks) else { return nil }
            return MergeEdit(name: "social remove \(network)", claims: ["social/\(network)"]) {
                $0.social.removeAll { $0.network.rawValue == network }
            }
        case 2:
            guard let network = pick(networks) else { return nil }
            let url = "https://www.\(network).com/jason\(number())"
            return MergeEdit(name: "social url \(network)", claims: ["social/\(network)/url"]) { c in
                c.social[c.social.firstIndex { $0.network.rawValue == network }!].url = url
            }
        case 3:
            guard let network = pick(networks) else { return nil }
            let handle = chance() ? "jason\(number())" : nil
            return MergeEdit(name: "social handle \(network)", claims: ["social/\(network)/handle"]) { c in
                c.social[c.social.firstIndex { $0.network.rawValue == network }!].handle = handle
            }
        default:
            guard networks.count > 1, let network = pick(networks),
                let anchor = pick([nil] + networks.filter { $0 != network }.map { Optional($0) })
            else { return nil }
            return MergeEdit(
                name: "social move \(network) after \(anchor ?? "start")",
                claims: ["social/order", place("social", network), place("social", anchor)]
            ) { $0.social.move(network, after: anchor, by: \.network.rawValue) }
        }
    }

    /// The place just after `anchor` in a list (its start for nil).
    func place(_ list: String, _ anchor: String?) -> String { "\(list)/\(anchor ?? "^")/place" }
}

extension Array {
    /// Inserts `item` just after the item with id `anchor`, or first for nil.
    mutating func insert(_ item: Element, after anchor: String?, by id: (Element) -> String) {
        let at = anchor.map { a in firstIndex { id($0) == a }! + 1 } ?? 0
        insert(item, at: at)
    }

    /// Moves the item with id `moved` to just after the item with id `anchor`, or first for nil.
    mutating func move(_ moved: String, after anchor: String?, by id: (Element) -> String) {
        let item = remove(at: firstIndex { id($0) == moved }!)
        insert(item, after: anchor, by: id)
    }
}
