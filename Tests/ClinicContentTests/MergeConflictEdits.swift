import ClinicContent
import Foundation

/// One field both drafts change, each to its own value: the kind of field, the key of its conflict, and the two edits.
struct ConflictingField {
    var kind: String
    var key: String
    var ours: MergeEdit
    var theirs: MergeEdit

    /// Both sides make `edit` to a value named after the side (`ours`, `theirs`), claiming `claims`.
    init(_ kind: String, key: String, claims: [String], _ edit: (String) -> (inout SiteContent) -> Void) {
        self.init(
            kind, key: key, ours: MergeEdit(name: "ours \(kind) \(key)", claims: claims, apply: edit("ours")),
            theirs: MergeEdit(name: "theirs \(kind) \(key)", claims: claims, apply: edit("theirs")))
    }

    init(_ kind: String, key: String, ours: MergeEdit, theirs: MergeEdit) {
        (self.kind, self.key, self.ours, self.theirs) = (kind, key, ours, theirs)
    }
}

extension MergeEditor {
    /// Up to `count` fields that no edit in `taken` touches, nor each other.
    mutating func conflictingFields(of base: SiteContent, count: Int, avoiding taken: [String]) -> [ConflictingField] {
        var fields: [ConflictingField] = []
        for _ in 0..<60 where fields.count < count {
            guard let field = conflictCandidate(base) else { continue }
            let claimed = taken + fields.flatMap { $0.ours.claims + $0.theirs.claims }
            if !field.ours.collides(with: claimed), !field.theirs.collides(with: claimed) { fields.append(field) }
        }
        return fields
    }

    mutating func conflictCandidate(_ base: SiteContent) -> ConflictingField? {
        switch Int.random(in: 0..<12, using: &random) {
        case 0: return faqTextBothWays(base)
        case 1: return faqRemovedBesideChanged(base)
        case 2: return dayBothWays(base)
        case 3: return appointmentNoteBothWays(base)
        case 4: return specialBothWays(base)
        case 5: return categoryTitleBothWays(base)
        case 6:
            return orderBothWays("categories", base.categories.map(\.id)) { c, id, anchor in c.categories.move(id, after: anchor, by: \.id)
            }
        case 7: return socialURLBothWays(base)
        case 8:
            return orderBothWays("social", base.social.map(\.network.rawValue)) { c, network, anchor in
                c.social.move(network, after: anchor, by: \.network.rawValue)
            }
        case 9: return locationBothWays(base)
        default: return clinicBothWays()
        }
    }

    /// An answer in English, or in Spanish in an entry translated already (an answer translated
    /// without its question is a reading problem, left to a text merge), set two ways.
    mutating func faqTextBothWays(_ base: SiteContent) -> ConflictingField? {
        guard let locale = pick(["en", "es"]),
            let id = pick(base.faq.prefix(3).filter { $0.question.translations[locale] != nil })?.id
        else { return nil }
        return ConflictingField("faq answer \(locale)", key: "faq/\(id):answer.\(locale)", claims: ["faq/\(id)/answer/\(locale)"]) { side in
            { $0.editFAQ(id) { $0.answer.set("\(side) answer", locale: locale) } }
        }
    }

    /// One draft removes an entry, the other changes its answer: one conflict on the whole entry.
    /// The changing draft puts the entry as it has it, so that made last it stands whole.
    mutating func faqRemovedBesideChanged(_ base: SiteContent) -> ConflictingField? {
        guard let entry = pick(base.faq) else { return nil }
        var changed = entry
        changed.answer.set("Answer kept \(number()).", locale: "en")
        let remove = MergeEdit(name: "remove faq \(entry.id)", claims: ["faq/\(entry.id)"]) { $0.faq.removeAll { $0.id == entry.id } }
        let change = MergeEdit(name: "change faq \(entry.id)", claims: ["faq/\(entry.id)"]) { c in
            c.faq.removeAll { $0.id == entry.id }
            c.faq.append(changed)
        }
        let (ours, theirs) = chance() ? (remove, change) : (change, remove)
        return ConflictingField("faq removed", key: "faq/\(entry.id)", ours: ours, theirs: theirs)
    }

    mutating func dayBothWays(_ base: SiteContent) -> ConflictingField? {
        guard let location = pick(base.locations)?.id, let day = pick(Weekday.allCases) else { return nil }
        let ranges = ["ours": [range("09:00-13:00")], "theirs": [range("08:00-12:00"), range("13:00-17:00")]]
        return ConflictingField("hours day", key: "hours/\(location):\(day)", claims: ["hours/\(location)/day/\(day)"]) { side in
            { $0.editHours(location) { $0.open(day, ranges[side]!) } }
        }
    }

    /// Glenview's Saturday, by appointment in the base, keeps its English note and gets two Spanish ones.
    mutating func appointmentNoteBothWays(_ base: SiteContent) -> ConflictingField? {
        guard let hours = base.hours(for: "glenview"), let day = pick(Weekday.allCases.filter { hours.appointment(on: $0) != nil }) else {
            return nil
        }
        return ConflictingField("hours note es", key: "hours/glenview:\(day)", claims: ["hours/glenview/day/\(day)"]) { side in
            { $0.editHours("glenview") { $0.byAppointment(day, note: LocalizedText(["en": "By appointment", "es": "Cita \(side)"])) } }
        }
    }
}
