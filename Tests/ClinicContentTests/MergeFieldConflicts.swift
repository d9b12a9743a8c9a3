import ClinicContent
import Foundation

/// More fields both drafts change: special hours, a category's title, a link's address, the order of a list,
/// a location's fields and the clinic's.
extension MergeEditor {
    mutating func specialBothWays(_ base: SiteContent) -> ConflictingField? {
        guard let location = pick(base.locations)?.id, let date = pick(Self.dates) else { return nil }
        let special = [
            "ours": SpecialHours(from: date, closed: true),
            "theirs": SpecialHours(from: date, closed: false, ranges: [range("09:00-12:00")]),
        ]
        let key = "hours/\(location):special.\(date)"
        return ConflictingField("special hours", key: key, claims: ["hours/\(location)/special/\(date)"]) { side in
            { $0.editHours(location) { $0.special(special[side]!) } }
        }
    }

    mutating func categoryTitleBothWays(_ base: SiteContent) -> ConflictingField? {
        guard let id = pick(base.categories)?.id, let locale = pick(["en", "es"]) else { return nil }
        let key = "categories/\(id):title.\(locale)"
        return ConflictingField("category title", key: key, claims: ["categories/\(id)/title/\(locale)"]) { side in
            { c in c.categories[c.categories.firstIndex { $0.id == id }!].title.set("\(side) title", locale: locale) }
        }
    }

    mutating func socialURLBothWays(_ base: SiteContent) -> ConflictingField? {
        guard let network = pick(base.social)?.network.rawValue else { return nil }
        return ConflictingField("social url", key: "social/\(network):url", claims: ["social/\(network)/url"]) { side in
            { c in c.social[c.social.firstIndex { $0.network.rawValue == network }!].url = "https://\(network).example/\(side)" }
        }
    }

    /// One item moved to two different places. It claims the order and every place in the list
    /// (so no draft adds or removes an item, which could leave the two orders alike).
    mutating func orderBothWays(_ list: String, _ ids: [String], move: @escaping (inout SiteContent, String, String?) -> Void)
        -> ConflictingField?
    {
        guard let moved = pick(ids) else { return nil }
        let anchors = [nil] + ids.filter { $0 != moved }.map { Optional($0) }
        guard let oursAnchor = pick(anchors), let theirsAnchor = pick(anchors) else { return nil }
        func order(_ anchor: String?) -> [String] {
            var order = ids
            order.move(moved, after: anchor) { $0 }
            return order
        }
        guard order(oursAnchor) != ids, order(theirsAnchor) != ids, order(oursAnchor) != order(theirsAnchor) else { return nil }
        let claims = ["\(list)/order"] + ([nil] + ids.map { Optional($0) }).map { place(list, $0) }
        let anchor = ["ours": oursAnchor, "theirs": theirsAnchor]
        return ConflictingField("\(list) order", key: "\(list):order", claims: claims) { side in { move(&$0, moved, anchor[side]!) } }
    }

    mutating func locationBothWays(_ base: SiteContent) -> ConflictingField? {
        guard let id = pick(base.locations)?.id else { return nil }
        if chance() {
            return ConflictingField("location city", key: "location/\(id):address.city", claims: ["location/\(id)/city"]) { side in
                { $0.editLocation(id) { $0.address.city = side } }
            }
        }
        return ConflictingField("location label es", key: "location/\(id):label.es", claims: ["location/\(id)/label/es"]) { side in
            { $0.editLocation(id) { $0.label.set("Sede \(side)", locale: "es") } }
        }
    }

    mutating func clinicBothWays() -> ConflictingField? {
        if chance() {
            return ConflictingField("clinic email", key: "clinic:email", claims: ["clinic/email"]) { side in
                { $0.clinic.email = "\(side)@clinic.example" }
            }
        }
        return ConflictingField("clinic name es", key: "clinic:name.es", claims: ["clinic/name/es"]) { side in
            { $0.clinic.name.set("Clínica \(side)", locale: "es") }
        }
    }
}
