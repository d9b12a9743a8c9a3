import ClinicContent
import ClinicTestSupport
import Foundation
import Testing

/// Small random edits of the real content, each of the kind an editor makes.
struct ContentMutator {
    var random: SeededRandom
    let words = ["cita", "Glenview", "aguja", "needle", "care", "Loop", "x", "hola"]

    mutating func word() -> String { words.randomElement(using: &random)! + String(Int.random(in: 0..<3, using: &random)) }
    mutating func pick(_ count: Int) -> Int? { count == 0 ? nil : Int.random(in: 0..<count, using: &random) }
    mutating func locale() -> String { ["en", "es"].randomElement(using: &random)! }
    mutating func time(_ hour: ClosedRange<Int>) -> TimeOfDay { TimeOfDay(minutes: Int.random(in: hour, using: &random) * 60)! }

    mutating func mutate(_ c: inout SiteContent) {
        switch Int.random(in: 0..<20, using: &random) {
        case 0: c.clinic.name.set(word(), locale: locale())
        case 1: c.clinic.copyright?.since += 1
        case 2: c.clinic.businessTypes.reverse()
        case 3: if let i = pick(c.locations.count) { c.locations[i].label.set(word(), locale: locale()) }
        case 4: if let i = pick(c.locations.count) { c.locations[i].address.street.append("Suite \(word())") }
        case 5: c.locations.reverse()  // files are per location: nothing a reader sees
        case 6: c.categories.append(FAQCategory(id: "c-\(word())", title: LocalizedText(word(), locale: "en")))
        case 7: if let i = pick(c.categories.count) { c.categories[i].title.set(word(), locale: locale()) }
        case 8: c.categories.reverse()
        case 9: if let i = pick(c.faq.count) { c.faq[i].question.set(word() + "?", locale: locale()) }
        case 10: if let i = pick(c.faq.count) { c.faq[i].answer.set(word(), locale: "es") }
        case 11:
            if let i = pick(c.faq.count), let j = pick(c.faq.count) {
                (c.faq[i].position, c.faq[j].position) = (c.faq[j].position, c.faq[i].position)
            }
        case 12: if let i = pick(c.faq.count) { c.faq[i].tags.append(word()) }
        case 13:
            let network = [SocialNetwork.other, .facebook, .youtube].randomElement(using: &random)!
            let host = network == .other ? "https://\(word()).example" : "https://www.\(network.rawValue).com"
            c.social.append(SocialLink(network: network, url: "\(host)/\(word())", handle: Bool.random(using: &random) ? word() : nil))
        case 14: if let i = pick(c.social.count) { c.social.append(c.social.remove(at: i)) }
        case 15: if let i = pick(c.social.count) { c.social[i].handle = Bool.random(using: &random) ? word() : nil }
        case 16: if let i = pick(c.social.count), c.social.count > 1 { c.social.remove(at: i) }
        case 17:
            guard let h = pick(c.hours.count) else { return }
            let day = CalendarDay(year: 2026, month: 12, day: Int.random(in: 20...31, using: &random))!
            let closed = Bool.random(using: &random)
            let ranges =
                closed
                ? [] : [TimeRange(opens: time(7...9), closes: time(10...11)), TimeRange(opens: time(13...14), closes: time(15...17))]
            let reason = Bool.random(using: &random) ? LocalizedText(["en": word(), "es": word()]) : nil
            c.hours[h].special.removeAll { $0.from == day }
            c.hours[h].special.append(SpecialHours(from: day, closed: closed, ranges: ranges, reason: reason))
        case 18:
            guard let h = pick(c.hours.count), let s = pick(c.hours[h].special.count) else { return }
            if Bool.random(using: &random) {
                c.hours[h].special[s].ranges.reverse()
            } else {
                c.hours[h].special[s].reason?.set(word(), locale: locale())
            }
        default:
            guard let h = pick(c.hours.count), let w = pick(c.hours[h].weekly.count) else { return }
            switch Int.random(in: 0..<3, using: &random) {
            case 0: c.hours[h].weekly[w].range.closes = time(16...20)
            case 1:
                // The same days in two rules: the week reads the same, the file does not.
                let rule = c.hours[h].weekly[w]
                guard rule.days.count > 1 else { return }
                c.hours[h].weekly[w].days = [rule.days[0]]
                c.hours[h].weekly.append(WeeklyRange(days: Array(rule.days.dropFirst()), range: rule.range))
            default:
                if c.hours[h].byAppointment.isEmpty { c.hours[h].byAppointment = [AppointmentDays(days: [.sun], note: nil)] }
                if c.hours[h].byAppointment[0].note == nil {
                    c.hours[h].byAppointment[0].note = LocalizedText("By appointment", locale: "en")
                }
                c.hours[h].byAppointment[0].note?.set(word(), locale: locale())
            }
        }
    }
}

@Suite("field-level differences, checked against the files")
struct ContentDiffPropertyTests {
    /// The content as files, then read back: what a commit holds and the diff compares.
    static func stored(_ content: SiteContent) throws -> (content: SiteContent, files: [String: String], valid: Bool) {
        let files = CanonicalWriter(defaultLocale: content.clinic.defaultLocale).files(for: content)
        let (loaded, findings) = try Validator().validate(InMemorySource(files: files.mapValues { Data($0.utf8) }))
        let canonical = CanonicalWriter(defaultLocale: loaded.content.clinic.defaultLocale).files(for: loaded.content)
        return (loaded.content, canonical, !findings.contains { $0.severity == .error })
    }

    @Test("no change is shown exactly when the canonical files are byte-identical (300 random pairs)")
    func noChangeIffSameFiles() throws {
        let base = try ContentLoader().load(from: FolderSource(root: repositoryRoot)).content
        var mutator = ContentMutator(random: SeededRandom(state: 20_260_214))
        var compared = 0
        var identical = 0
        for _ in 0..<300 {
            var first = base
            for _ in 0..<Int.random(in: 0...3, using: &mutator.random) { mutator.mutate(&first) }
            var second = first
            for _ in 0..<Int.random(in: 0...2, using: &mutator.random) { mutator.mutate(&second) }
            let a = try Self.stored(first)
            let b = try Self.stored(second)
            guard a.valid, b.valid else { continue }
            compared += 1
            let changes = ContentDiff.changes(from: a.content, to: b.content)
            if a.files == b.files { identical += 1 }
            #expect(
                changes.isEmpty == (a.files == b.files), "\(changes) vs files \(Set(a.files.filter { b.files[$0.key] != $0.value }.keys))")
        }
        // Enough valid pairs, of both kinds, for the property to mean something.
        #expect(compared >= 200)
        #expect(identical >= 20 && compared - identical >= 100, "\(identical) identical of \(compared)")
    }
}
