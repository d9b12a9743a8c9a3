import ClinicContent
import Foundation
import Testing

@Suite("merging categories and social links: items by id, their order a fact of its own")
struct ContentMergeListTests {
    static func category(_ id: String, _ title: String, after anchor: String? = nil) -> (inout SiteContent) -> Void {
        { c in
            let at = anchor.flatMap { a in c.categories.firstIndex { $0.id == a }.map { $0 + 1 } } ?? c.categories.count
            c.categories.insert(FAQCategory(id: id, title: LocalizedText(title, locale: "en")), at: at)
        }
    }
    static func retitle(_ id: String, _ title: String, _ locale: String = "en") -> (inout SiteContent) -> Void {
        { c in c.categories[c.categories.firstIndex { $0.id == id }!].title.set(title, locale: locale) }
    }
    static func links(_ order: [String]) -> (inout SiteContent) -> Void {
        { c in c.social = order.map { n in c.social.first { $0.network.rawValue == n }! } }
    }
    static func link(_ network: SocialNetwork, after anchor: String) -> (inout SiteContent) -> Void {
        { c in
            let at = c.social.firstIndex { $0.network.rawValue == anchor }! + 1
            c.social.insert(SocialLink(network: network, url: "https://www.\(network.rawValue).com/jasonthept"), at: at)
        }
    }
    static let tiktokFirst = ["tiktok", "x", "linkedin", "instagram"]

    @Test("categories: a new one beside a new title merges; one added alike on both sides is one")
    func categories() throws {
        let aftercare = Self.category("aftercare", "Aftercare")
        let spanish = Self.retitle("trigger-point-dry-needling", "Punción seca", "es")
        try MergeCase(ours: aftercare, theirs: spanish).expectClean(aftercare, spanish)
        try MergeCase(ours: aftercare, theirs: aftercare).expectClean(aftercare)
    }

    @Test("categories: a title changed both ways is one conflict; removed beside retitled is one on the category")
    func categoryConflicts() throws {
        let merged = try MergeCase(
            ours: Self.retitle("trigger-point-dry-needling", "Dry needling"), theirs: Self.retitle("trigger-point-dry-needling", "Needling")
        )
        #expect(
            merged.conflictLines == [
                "category trigger-point-dry-needling · title: was Trigger Point Dry Needling; now published Needling; this draft Dry needling"
            ])
        #expect(merged.merge.conflicts.map(\.key) == ["categories/trigger-point-dry-needling:title.en"])
        let removed = try MergeCase(ours: { $0.categories = [] }, theirs: Self.retitle("trigger-point-dry-needling", "Needling"))
        #expect(
            removed.conflictLines == ["category trigger-point-dry-needling: was there; now published changed (title); this draft removed"])
        #expect(
            try removed.resolved(["categories/trigger-point-dry-needling": .ours]).get().files == removed.expected { $0.categories = [] })
    }

    @Test("order: one side's reordering is kept beside the other's new link, placed after the link before it there")
    func oneSideReorders() throws {
        let reorder = Self.links(["instagram", "tiktok", "x", "linkedin"])
        let youtube = Self.link(.youtube, after: "x")
        try MergeCase(ours: reorder, theirs: youtube).expectClean(reorder, youtube)
        try MergeCase(ours: youtube, theirs: reorder).expectClean(reorder, youtube)
        let merged = try MergeCase(ours: reorder, theirs: youtube)
        #expect(try merged.mergedContent.social.map(\.network.rawValue) == ["instagram", "tiktok", "x", "youtube", "linkedin"])
    }

    @Test("order: both reordering alike merges; differently is one conflict on the order, the three orders shown")
    func bothReorder() throws {
        let instagramFirst = Self.links(["instagram", "tiktok", "x", "linkedin"])
        try MergeCase(ours: instagramFirst, theirs: instagramFirst).expectClean(instagramFirst)
        let merged = try MergeCase(ours: instagramFirst, theirs: Self.links(["x", "tiktok", "linkedin", "instagram"]))
        #expect(merged.merge.conflicts.map(\.key) == ["social:order"])
        #expect(
            merged.conflictLines == [
                "social links · link order: was tiktok, x, linkedin, instagram; now published x, tiktok, linkedin, instagram; this draft instagram, tiktok, x, linkedin"
            ])
        #expect(try merged.resolved(["social:order": .ours]).get().files == merged.expected(instagramFirst))
    }

    @Test("order: new links both sides put after the same link go in the order of their networks, even when one side also reorders")
    func sameNeighbour() throws {
        let youtube = Self.link(.youtube, after: "x")
        let facebook = Self.link(.facebook, after: "x")
        for merged in [try MergeCase(ours: youtube, theirs: facebook), try MergeCase(ours: facebook, theirs: youtube)] {
            #expect(merged.merge.isComplete)
            #expect(
                try merged.mergedContent.social.map(\.network.rawValue) == ["tiktok", "x", "facebook", "youtube", "linkedin", "instagram"])
        }
        // The reordering side's new link is not part of the order it takes: it goes by its network like the other.
        func reorderThenFacebook(_ c: inout SiteContent) {
            Self.links(["instagram", "tiktok", "x", "linkedin"])(&c)
            facebook(&c)
        }
        for merged in [
            try MergeCase(ours: reorderThenFacebook, theirs: youtube), try MergeCase(ours: youtube, theirs: reorderThenFacebook),
        ] {
            #expect(merged.merge.isComplete)
            #expect(
                try merged.mergedContent.social.map(\.network.rawValue) == ["instagram", "tiktok", "x", "facebook", "youtube", "linkedin"])
        }
    }

    @Test("social: an address changed both ways is one conflict; a link removed beside its handle changed is one on the link")
    func socialConflicts() throws {
        func url(_ text: String) -> (inout SiteContent) -> Void { { $0.social[1].url = text } }
        let merged = try MergeCase(ours: url("https://x.com/jason"), theirs: url("https://x.com/thept"))
        #expect(
            merged.conflictLines == [
                "social link x · address: was https://x.com/jasonthept; now published https://x.com/thept; this draft https://x.com/jason"
            ])
        let removed = try MergeCase(ours: { $0.social.remove(at: 1) }, theirs: { $0.social[1].handle = nil })
        #expect(removed.conflictLines == ["social link x: was there; now published changed (handle); this draft removed"])
        let untouched = try MergeCase(ours: { $0.social.remove(at: 1) }, theirs: Self.link(.youtube, after: "linkedin"))
        untouched.expectClean({ $0.social.remove(at: 1) }, Self.link(.youtube, after: "linkedin"))
    }
}
