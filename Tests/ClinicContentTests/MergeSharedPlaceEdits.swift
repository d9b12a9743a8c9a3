import ClinicContent
import Foundation

/// Both drafts add an item just after one same item of a list (or at its start): a place
/// neither "one draft after the other" order says alone, as each puts its own item first.
struct AddsAtOnePlace {
    var ours: MergeEdit
    var theirs: MergeEdit
    /// Whether the draft's new item has the lower id, so the merged list holds it first.
    var oursFirst: Bool
}

extension MergeEditor {
    mutating func addsAtOnePlace(_ base: SiteContent) -> AddsAtOnePlace? {
        chance() ? categoriesAtOnePlace(base) : linksAtOnePlace(base)
    }

    mutating func categoriesAtOnePlace(_ base: SiteContent) -> AddsAtOnePlace? {
        guard let anchor = pick([nil] + base.categories.map { Optional($0.id) }) else { return nil }
        let names = ["billing", "exercises", "insurance", "parking", "scheduling"].shuffled(using: &random)
        let (oursID, theirsID) = ("\(names[0])-\(number())", "\(names[1])-\(number())")
        func add(_ id: String) -> MergeEdit {
            let category = FAQCategory(id: id, title: LocalizedText("Category \(id)", locale: "en"))
            return MergeEdit(
                name: "category add \(id) after \(anchor ?? "start")", claims: ["categories/\(id)", place("categories", anchor)]
            ) {
                $0.categories.insert(category, after: anchor, by: \.id)
            }
        }
        return AddsAtOnePlace(ours: add(oursID), theirs: add(theirsID), oursFirst: oursID < theirsID)
    }

    mutating func linksAtOnePlace(_ base: SiteContent) -> AddsAtOnePlace? {
        let networks = base.social.map(\.network.rawValue)
        let addable = [SocialNetwork.facebook, .youtube, .other].filter { !networks.contains($0.rawValue) }.shuffled(using: &random)
        guard addable.count > 1, let anchor = pick([nil] + networks.map { Optional($0) }) else { return nil }
        func add(_ network: SocialNetwork) -> MergeEdit {
            let link = SocialLink(network: network, url: "https://\(network.rawValue).example/\(number())")
            return MergeEdit(
                name: "social add \(network) after \(anchor ?? "start")", claims: ["social/\(network)", place("social", anchor)]
            ) {
                $0.social.insert(link, after: anchor, by: \.network.rawValue)
            }
        }
        return AddsAtOnePlace(ours: add(addable[0]), theirs: add(addable[1]), oursFirst: addable[0].rawValue < addable[1].rawValue)
    }
}
