import ClinicContent
import ClinicTestSupport
import Foundation

/// One edit an editor makes, and the fields it touches: two edits whose claims do not
/// collide touch different fields, so making them in either order gives the same content.
struct MergeEdit {
    var name: String
    /// `faq/ID/answer/en`, `hours/glenview/day/sat`, `categories/ID/place` (what is just after it),
    /// `social/order` (reordering); a claim collides with itself and with those below it.
    var claims: [String]
    var apply: (inout SiteContent) -> Void

    func collides(with others: [String]) -> Bool {
        claims.contains { a in others.contains { b in a == b || a.hasPrefix(b + "/") || b.hasPrefix(a + "/") } }
    }
}

/// Random edits of every kind the office manager makes, by one side of a merge.
struct MergeEditor {
    var random: SeededRandom
    /// Days a day's hours are set to: none of them is what the real content holds on a weekday.
    static let days: [DaySchedulePick] = [
        .open([range("07:00-19:00")]), .open([range("08:00-12:00"), range("13:00-17:00")]), .open([range("09:00-13:00")]),
        .closed, .appointment(nil), .appointment(LocalizedText("By appointment", locale: "en")),
    ]
    static let dates = (20...31).map { day("2026-12-\($0)") } + (1...3).map { day("2027-01-0\($0)") }

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

    mutating func faqAdd(_ c: SiteContent, _ side: String) -> MergeEdit? {
        let id = "\(side)-question-\(number())"
        let entry = FAQEntry(
            id: id, question: LocalizedText("Question \(id)?", locale: "en"), answer: LocalizedText("Answer \(number()).", locale: "en"),
            category: pick(c.categories)?.id ?? "trigger-point-dry-needling", position: Int.random(in: 1...300, using: &random))
        return MergeEdit(name: "faq add \(id)", claims: ["faq/\(id)"]) { $0.faq.append(entry) }
    }

    mutating func faqRemove(_ c: SiteContent) -> MergeEdit? {
        guard let id = pick(c.faq)?.id else { return nil }
        return MergeEdit(name: "faq remove \(id)", claims: ["faq/\(id)"]) { $0.faq.removeAll { $0.id == id } }
    }

    mutating func faqEdit(_ c: SiteContent, _ side: String) -> MergeEdit? {
        // A few entries only, so that both drafts often edit one.
        guard let id = pick(Array(c.faq.prefix(3)))?.id else { return nil }
        let text = "\(side) text \(number())"
        let category = pick(c.categories)?.id ?? "trigger-point-dry-needling"
        let position = Int.random(in: 1...300, using: &random)
        let edits: [(String, [String], (inout FAQEntry) -> Void)] = [
            ("question", ["question/en"], { $0.question.set(text + "?", locale: "en") }),
            ("answer", ["answer/en"], { $0.answer.set(text, locale: "en") }),
            (
                "translate", ["question/es", "answer/es"],
                {
                    $0.question.set("¿\(text)?", locale: "es")
                    $0.answer.set(text, locale: "es")
                }
            ),
            ("category", ["category"], { $0.category = category }),
            ("position", ["position"], { $0.position = position }),
            ("tags", ["tags"], { $0.tags = [text.split(separator: " ").last.map(String.init) ?? "x"] }),
        ]
        let (name, fields, edit) = pick(edits)!
        return MergeEdit(name: "faq \(name) \(id)", claims: fields.map { "faq/\(id)/\($0)" }) { $0.editFAQ(id, edit) }
    }

    mutating func hoursDay(_ c: SiteContent) -> MergeEdit? {
        guard let location = pick(c.hours)?.location, let day = pick(Weekday.allCases), let value = pick(Self.days) else { return nil }
        return MergeEdit(name: "hours set \(location) \(day) \(value)", claims: ["hours/\(location)/day/\(day)"]) {
            $0.editHours(location) { value.set(day, in: &$0) }
        }
    }

    mutating func special(_ c: SiteContent) -> MergeEdit? {
        guard let location = pick(c.hours)?.location, var date = pick(Self.dates) else { return nil }
        if let existing = pick(c.hours(for: location)?.special ?? []), chance() {
            date = existing.from
            return MergeEdit(name: "special remove \(location) \(date)", claims: ["hours/\(location)/special/\(date)"]) {
                $0.editHours(location) { $0.special.removeAll { $0.from == date } }
            }
        }
        let special =
            chance()
            ? SpecialHours(from: date, closed: true, reason: LocalizedText("Closed \(number())", locale: "en"))
            : SpecialHours(from: date, closed: false, ranges: [range("09:00-\(Int.random(in: 12...15, using: &random)):00")])
        return MergeEdit(name: "special add \(location) \(date)", claims: ["hours/\(location)/special/\(date)"]) {
            $0.editHours(location) { $0.special(special) }
        }
    }

    mutating func locationEdit(_ c: SiteContent) -> MergeEdit? {
        guard let id = pick(c.locations)?.id else { return nil }
        let text = "Place \(number())"
        let status = pick(Location.Status.allCases)!
        let edits: [(String, (inout Location) -> Void)] = [
            ("city", { $0.address.city = text }), ("zip", { $0.address.zip = "6\(text.suffix(4))" }),
            ("street", { $0.address.street.append("Suite \(text.suffix(3))") }), ("status", { $0.status = status }),
            ("label/en", { $0.label.set(text, locale: "en") }), ("label/es", { $0.label.set(text, locale: "es") }),
        ]
        let (field, edit) = pick(edits)!
        return MergeEdit(name: "location \(field) \(id)", claims: ["location/\(id)/\(field)"]) { $0.editLocation(id, edit) }
    }

    mutating func clinicEdit() -> MergeEdit? {
        let n = number()
        let edits: [(String, (inout Clinic) -> Void)] = [
            ("email", { $0.email = "office\(n)@clinic.example" }), ("website", { $0.website = "https://clinic\(n).example" }),
            ("display", { $0.phone.display = "773-999-\(9000 + n % 1000)" }), ("name/es", { $0.name.set("Clínica \(n)", locale: "es") }),
            ("legalName", { $0.legalName = "Jason The PT \(n), LLC" }),
        ]
        let (field, edit) = pick(edits)!
        return MergeEdit(name: "clinic \(field)", claims: ["clinic/\(field)"]) { edit(&$0.clinic) }
    }
}

/// What a day's hours are set to.
enum DaySchedulePick: CustomStringConvertible {
    case open([TimeRange]), closed, appointment(LocalizedText?)

    func set(_ day: Weekday, in hours: inout LocationHours) {
        switch self {
        case .open(let ranges): hours.open(day, ranges)
        case .closed:
            hours.clear(day)
            hours.normalize()
        case .appointment(let note): hours.byAppointment(day, note: note)
        }
    }

    var description: String {
        switch self {
        case .open(let ranges): ranges.map(\.canonicalLabel).joined(separator: ",")
        case .closed: "closed"
        case .appointment(let note): "by appointment \(note?.translations["en"] ?? "")"
        }
    }
}
