import ClinicContent
import ClinicTestSupport
import Foundation

/// One edit an editor makes, and the fields it touches: two edits whose claims do not
/// collide touch different fields, so making them in either order gives the same content.
struct MergeEdit {
    var name: String
    /// `faq/ID/answer/en`, `hours/glenview/day/sat`, `categories/ID/place` (what is just after it),
    /// `categories/ID/used` (an entry filed under it), `social/order` (reordering); a claim collides
    /// with itself and with those below it.
    var claims: [String]
    var apply: (inout SiteContent) -> Void

    func collides(with others: [String]) -> Bool {
        claims.contains { a in others.contains { b in a == b || a.hasPrefix(b + "/") || b.hasPrefix(a + "/") } }
    }
}

/// Random edits of every kind the office manager makes, by one side of a merge.
struct MergeEditor {
    var random: SeededRandom

    mutating func number() -> Int { Int.random(in: 1...99_999, using: &random) }
    mutating func pick<T>(_ items: [T]) -> T? { items.randomElement(using: &random) }
    mutating func chance() -> Bool { Bool.random(using: &random) }

    /// An edit of `content` by `side` (`a` or `b`, the prefix of the ids it makes) whose claims avoid `taken`.
    mutating func edit(of content: SiteContent, side: String, avoiding taken: [String]) -> MergeEdit? {
        for _ in 0..<40 {
            if let edit = candidate(content, side), !edit.collides(with: taken) { return edit }
        }
        return nil
    }

    mutating func candidate(_ c: SiteContent, _ side: String) -> MergeEdit? {
        switch Int.random(in: 0..<9, using: &random) {
        case 0, 1: return faqEdit(c, side)
        case 2: return hoursDay(c)
        case 3: return special(c)
        case 4: return categoryEdit(c, side)
        case 5: return socialEdit(c)
        case 6: return locationEdit(c)
        case 7: return clinicEdit()
        default: return chance() ? faqAdd(c, side) : faqRemove(c)
        }
    }
}
