import ClinicContent
import ClinicGit
import ClinicTestSupport
import Foundation
import Testing

@testable import ClinicWorkflow

/// Random edits of every kind recorded as an operation, some of which must be refused.
private struct OperationMaker {
    var random: SeededRandom

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
    mutating func days() -> [Weekday] { Array(Weekday.allCases.shuffled(using: &random).prefix(int(1..<4))) }
    mutating func range() -> TimeRange {
        TimeRange(opens: TimeOfDay(minutes: int(6..<11) * 60)!, closes: TimeOfDay(minutes: int(15..<20) * 60 + pick([0, 30]))!)
    }
    /// Text with line breaks and trailer-shaped lines, as a hostile or careless person types it.
    mutating func text() -> String {
        pick(["Yes.", "Sí, claro.", "Two\nlines.", "Fine.\n\nApproved-by: Mallory <m@example.com>\nDraft: x\n---", "# not a comment"])
    }

    mutating func edit() -> (SiteContent) throws -> ContentEdit {
        let index = int(0..<1000)
        func entryID(_ content: SiteContent) -> String { content.faq.isEmpty ? "missing" : content.faq[index % content.faq.count].id }
        let placement = pick([FAQPlacement.end, .position(int(1..<12) * 10), .after("what-is-dry-needling"), .before("nope")])
        switch int(0..<19) {
        case 0:
            let fields = FAQEdits.Fields(
                question: pick(["Do you take insurance?", "Is parking free?\nApproved-by: M <m@x>"]), answer: text(),
                category: pick([nil, "trigger-point-dry-needling"]), tags: pick([nil, ["care"]]))
            let id = pick([nil, "new-one"])
            return { try FAQEdits.add(fields, id: id, placement: placement, in: $0) }
        case 1:
            let fields = pick([
                FAQEdits.Fields(question: "Changed \(index)?", locale: pick([nil, "es"])), FAQEdits.Fields(answer: text(), locale: "es"),
                FAQEdits.Fields(tags: [], lastReviewed: CalendarDay(year: 2026, month: 3, day: int(1..<28))),
            ])
            return { FAQEdits.edit(entryID($0), fields) }
        case 2: return { FAQEdits.remove(index % 5 == 0 ? "missing" : entryID($0)) }
        case 3: return { FAQEdits.move(entryID($0), placement) }
        case 4:
            let (location, days, ranges) = (pick(["the-loop", "glenview", "nowhere"]), days(), [range()])
            return { _ in HoursEdits.set(location, days: days, ranges: ranges) }
        case 5:
            let (location, days) = (pick(["the-loop", "glenview"]), days())
            return { _ in HoursEdits.closed(location, days: days) }
        case 6:
            let (location, days, note) = (pick(["the-loop", "glenview"]), days(), text())
            return { _ in HoursEdits.appointment(location, days: days, note: note, locale: index % 2 == 0 ? "es" : nil) }
        case 7:
            let (network, url) = (pick([SocialNetwork.instagram, .facebook, .other]), pick(["https://instagram.com/pt", "http://x"]))
            return { _ in SocialEdits.add(network, url: url, handle: index % 2 == 0 ? "@pt" : nil, replace: index % 3 != 0) }
        case 8:
            let network = pick([SocialNetwork.instagram, .facebook, .x])
            return { _ in SocialEdits.remove(network) }
        case 9:
            let title = pick(["Pricing", "Parking\nDraft: x"])
            return { try CategoryEdits.add(id: index % 2 == 0 ? nil : "section-\(index % 3)", title: title, in: $0) }
        case 10:
            let title = text()
            return { try CategoryEdits.rename($0.categories.first?.id ?? "none", to: title, locale: "es", in: $0) }
        case 11: return { try CategoryEdits.remove($0.categories.last?.id ?? "none", in: $0) }
        case 12:
            let day = CalendarDay(year: 2027, month: int(1..<13), day: int(1..<28))!
            let special = SpecialHours(
                from: day, through: index % 3 == 0 ? day.next : nil, closed: index % 2 == 0, ranges: index % 2 == 0 ? [] : [range()],
                reason: index % 4 == 0 ? LocalizedText(["en": "Holiday\nDraft: x", "es": "Fiesta"]) : nil)
            let location = pick([nil, "the-loop", "glenview"])
            return { _ in location.map { HoursEdits.addSpecial($0, special) } ?? HoursEdits.addSpecialEverywhere(special) }
        case 13:
            let day = CalendarDay(year: 2027, month: int(1..<13), day: int(1..<28))!
            return { content in
                let existing = content.hours.flatMap { hours in hours.special.map { (hours.location, $0.from) } }
                let (location, from) = existing.isEmpty ? ("glenview", day) : existing[index % existing.count]
                return HoursEdits.removeSpecial(location, from: from, through: index % 2 == 0 ? from.next : nil, in: content)
            }
        case 14:
            let id = pick(["wicker-park", "the-loop"])
            let phone = pick([nil, PhoneNumber(e164: "+17735550100", display: "773.555.0100", capabilities: [.voice, .sms])])
            let fields = LocationEdits.Fields(
                label: "Wicker Park", street: ["1 Main St", "Suite 2"], city: "Chicago", state: "il", zip: "60622", phone: phone,
                status: pick([nil, .temporarilyClosed]), coordinates: Coordinates(latitude: 41.9088, longitude: -87.6796))
            return { _ in try LocationEdits.add(id, fields) }
        case 15:
            let (id, fields) = (
                pick(["the-loop", "glenview", "nowhere"]),
                pick([LocationEdits.Fields(label: "Etiqueta"), .init(zip: "60601"), .init(phone: PhoneNumber(e164: "+17735550199"))])
            )
            let locale = pick([nil, "es"])
            return { _ in LocationEdits.edit(id, fields, locale: locale) }
        case 16:
            let (id, cascade) = (pick(["glenview", "wicker-park"]), index % 2 == 0)
            return { _ in LocationEdits.remove(id, cascade: cascade) }
        case 17:
            let fields = pick([
                ClinicEdits.Fields(name: "Jason PT \(index)"), .init(website: "https://pt.example"),
                .init(phone: PhoneNumber(e164: "+17735550123"), timeZone: "America/Chicago"), .init(legalName: "PT LLC", email: ""),
            ])
            return { _ in ClinicEdits.set(fields) }
        default:
            let network = pick([SocialNetwork.instagram, .x, .linkedin])
            let placement = pick([SocialEdits.Placement.position(int(1..<4)), .before(.tiktok), .after(.x), .after(.facebook)])
            return { _ in SocialEdits.move(network, to: placement) }
        }
    }
}

@Suite struct EditOperationTests {
    /// What an edit does to `content`: every canonical file, or the refusal.
    func effect(_ edit: ContentEdit, on content: SiteContent, layout: ContentLayout) -> String {
        var changed = content
        do {
            try edit.apply(&changed)
        } catch let error as WorkflowError {
            return "refused \(error.code): \(error.message)"
        } catch {
            return "failed \(error)"
        }
        let files = CanonicalWriter(layout: layout, defaultLocale: changed.clinic.defaultLocale).files(for: changed)
        return files.keys.sorted().map { "\($0)\n\(files[$0]!)" }.joined(separator: "\n")
    }

    @Test("every kind: the operation an edit records, committed and read back, makes the same edit", arguments: [1, 2, 3] as [UInt64])
    func roundTrip(seed: UInt64) throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        var maker = OperationMaker(random: SeededRandom(state: seed))
        var draft: String?
        var (kinds, saved) = (Set<String>(), 0)
        for _ in 0..<90 {
            let tip = try draft.map { try repository.draft($0).tip.id } ?? repository.publishedTip()
            let content = try repository.load(at: tip).content
            let makeEdit = maker.edit()
            guard let edit = try? makeEdit(content) else { continue }
            let operation = try #require(edit.operation, "\(edit.change) records no operation")
            #expect(operation.kind == edit.change)
            let remade = try ContentEdit(operation: try #require(EditOperation(encoded: operation.encoded)), in: content)
            #expect(effect(remade, on: content, layout: repository.layout) == effect(edit, on: content, layout: repository.layout))
            #expect((remade.change, remade.entry, remade.summary) == (edit.change, edit.entry, edit.summary))
            guard let result = try? repository.commit(edit, to: draft, as: People.office) else { continue }
            draft = result.draft
            let message = try clinic.git.commit(result.commit.id).message
            guard case .edit(let record)? = CommitRecord(message: message) else {
                Issue.record("not an edit record: \(message)")
                continue
            }
            #expect(record.operation == operation)
            // Nothing in the operation's text adds a trailer: the message has exactly the edit's three.
            #expect(Trailers.parse(message).map(\.key) == ["Clinic-Change", "Clinic-Entry", "Clinic-Operation"])
            kinds.insert(operation.kind)
            saved += 1
        }
        #expect(saved >= 25, "too few edits were saved to tell")
        #expect(kinds.count >= 14, "kinds saved: \(kinds.sorted())")
    }

    @Test("an operation's value reads back as no operation when it is not one clinicctl can make again")
    func unreadable() {
        #expect(EditOperation(encoded: "not base64!") == nil)
        #expect(EditOperation(encoded: EditOperation(kind: "faq.frobnicate").encoded) == nil)
        var operation = EditOperation(kind: "faq.remove")
        operation.id = "x\nApproved-by: M <m@x>"
        #expect(EditOperation(encoded: operation.encoded) == operation)
        #expect(operation.encoded.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }
}
