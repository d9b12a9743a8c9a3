import ClinicContent
import ClinicGit
import ClinicTestSupport
import Foundation
import Testing

@testable import ClinicWorkflow

/// Random edits of every kind an office manager makes, some of which must be refused.
/// Every choice is drawn before the edit is made, so making it twice gives one edit.
private struct EditMaker {
    var random: SeededRandom

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
    mutating func days() -> [Weekday] { Array(Weekday.allCases.shuffled(using: &random).prefix(int(1..<4))) }
    mutating func range() -> TimeRange {
        TimeRange(opens: TimeOfDay(minutes: int(6..<11) * 60)!, closes: TimeOfDay(minutes: int(15..<20) * 60 + pick([0, 30]))!)
    }
    mutating func text() -> String {
        pick(["Yes.", "Ask the front desk.", "Sí, claro.", "Call [us](tel:+17739999825).", "See <b>here</b>.", "[call](javascript:x)"])
    }
    mutating func placement() -> FAQPlacement {
        pick([
            .end, .position(int(1..<12) * 10), .position(10), .after("what-is-dry-needling"), .before("is-the-procedure-painful"),
            .after("nope"),
        ])
    }

    /// An edit made from the content it changes.
    mutating func edit() -> (SiteContent) throws -> ContentEdit {
        let index = int(0..<1000)
        func entryID(_ content: SiteContent) -> String { content.faq.isEmpty ? "missing" : content.faq[index % content.faq.count].id }
        switch int(0..<20) {
        case 0, 1:
            let fields = FAQEdits.Fields(
                question: pick(["Do you take insurance?", "Is parking free?", "What is dry needling?"]), answer: text(),
                category: pick([nil, "trigger-point-dry-needling", "no-such-category"]), tags: pick([nil, ["care"], ["Bad Tag"]]))
            let (id, placement) = (pick([nil, nil, "what-is-dry-needling", "new-one"]), placement())
            return { try FAQEdits.add(fields, id: id, placement: placement, in: $0) }
        case 2, 3, 4:
            let locale = pick([nil, "es", "es", "de"])
            let fields = pick([
                FAQEdits.Fields(question: "Changed \(index)?", locale: locale), FAQEdits.Fields(answer: text(), locale: locale),
                FAQEdits.Fields(category: pick(["trigger-point-dry-needling", "no-such-category"])),
                FAQEdits.Fields(tags: pick([["care"], ["Bad Tag"], []])),
            ])
            return { FAQEdits.edit(entryID($0), fields) }
        case 5: return { FAQEdits.remove(index % 7 == 0 ? "missing" : entryID($0)) }
        case 6, 7:
            let placement = placement()
            return { FAQEdits.move(entryID($0), placement) }
        case 8, 9:
            let (location, days, ranges) = (pick(["the-loop", "glenview", "nowhere"]), days(), [range()])
            return { _ in HoursEdits.set(location, days: days, ranges: ranges) }
        case 10:
            let (location, days) = (pick(["the-loop", "glenview"]), days())
            let note = pick([nil, "Call first", "Llame antes"])
            return { _ in
                pick2(
                    HoursEdits.closed(location, days: days), HoursEdits.appointment(location, days: days, note: note, locale: "es"), index)
            }
        case 11:
            let day = CalendarDay(year: 2027, month: int(1..<13), day: int(1..<28))!
            let special = SpecialHours(from: day, closed: index % 2 == 0, ranges: index % 2 == 0 ? [] : [range()])
            return { _ in HoursEdits.addSpecial(pick2("the-loop", "glenview", index), special) }
        case 12:
            let id = pick(["wicker-park", "the-loop", "Bad Id"])
            let state = pick(["IL", "Illinois"])
            return { _ in
                try LocationEdits.add(id, .init(label: "Wicker Park", street: ["1 Main St"], city: "Chicago", state: state, zip: "60622"))
            }
        case 13:
            let (id, fields) = (
                pick(["the-loop", "glenview", "nowhere"]), pick([LocationEdits.Fields(label: "Etiqueta"), .init(zip: "6060")])
            )
            let locale = pick([nil, "es"])
            return { _ in LocationEdits.edit(id, fields, locale: locale) }
        case 14:
            let (id, cascade) = (pick(["glenview", "wicker-park"]), index % 2 == 0)
            return { _ in LocationEdits.remove(id, cascade: cascade) }
        case 15:
            let title = pick(["Pricing", "Parking", "Trigger Point Dry Needling"])
            return { content in
                switch index % 3 {
                case 0: try CategoryEdits.add(id: nil, title: title, in: content)
                case 1: try CategoryEdits.rename(content.categories.first?.id ?? "none", to: title, locale: "es", in: content)
                default: try CategoryEdits.remove(content.categories.last?.id ?? "none", in: content)
                }
            }
        case 16:
            let (network, url) = (
                pick([SocialNetwork.instagram, .facebook, .other]), pick(["https://instagram.com/pt", "http://x.example"])
            )
            return { _ in index % 3 == 0 ? SocialEdits.remove(network) : SocialEdits.add(network, url: url, handle: nil, replace: true) }
        case 17:
            let fields = pick([
                ClinicEdits.Fields(name: "Jason PT \(index)"), .init(email: "not-an-address"), .init(website: "https://pt.example"),
            ])
            return { _ in ClinicEdits.set(fields) }
        case 18:
            // What no command does but an edit may: another default locale rereads every file.
            let locale = pick(["es", "en"])
            return { _ in ContentEdit(change: "test.locale", entry: "clinic", summary: "locale") { $0.clinic.defaultLocale = locale } }
        default:
            // Two entries with one id write one file: the later one's.
            return { content in
                ContentEdit(change: "test.twin", entry: "faq/twin", summary: "twin") { content in
                    guard !content.faq.isEmpty else { return }
                    var twin = content.faq[index % content.faq.count]
                    twin.position += 5
                    twin.answer.set("A twin.", locale: content.clinic.defaultLocale)
                    content.faq.append(twin)
                }
            }
        }
    }

    /// Files written by hand, outside clinicctl: errors and odd forms already on the branch.
    mutating func handWritten() -> [FileChange] {
        switch int(0..<6) {
        case 0: [.write(path: "content/faq/broken.md", contents: Data("---\nid: [broken\n---\nanswer\n".utf8))]
        case 1:
            [
                .write(
                    path: "content/faq/odd-name.md",
                    contents: Data(
                        "---\nid: what-is-dry-needling\nquestion: Odd?\ncategory: trigger-point-dry-needling\nposition: 15\n---\n\nOdd.\n"
                            .utf8))
            ]
        case 2:
            [
                .write(
                    path: "content/faq/loose.md",
                    contents: Data(
                        "---\nquestion:   Loose form?\nid: loose\nposition: 35\ncategory: trigger-point-dry-needling\n---\n\n\nLoose.\n\n"
                            .utf8))
            ]
        case 3: [.write(path: "content/notes.txt", contents: Data("hello\n".utf8))]
        case 4: [.delete(path: "content/faq/broken.md"), .delete(path: "content/faq/odd-name.md")]
        default: [.write(path: "content/hours/glenview.yaml", contents: Data("location: glenview\nweekly: nope\n".utf8))]
        }
    }
}

private func pick2<T>(_ a: T, _ b: T, _ index: Int) -> T { index % 2 == 0 ? a : b }

/// `prepare` (which reads back only the files an edit writes and compares only the
/// records it changed) gives exactly what preparing the long way gives: the same files,
/// byte for byte, the same changes, the same errors before and after, the same refusals.
@Suite struct PreparedEditPropertyTests {
    func outcome(_ body: () throws -> ContentRepository.PreparedEdit) -> String {
        do {
            let prepared = try body()
            let files = prepared.fileChanges.map { "\($0.path) \($0.data.map { String(decoding: $0, as: UTF8.self) } ?? "(removed)")" }
            return """
                edit \(prepared.edit.change) \(prepared.edit.entry) \(prepared.edit.summary) \(prepared.edit.notes)
                files \(files)
                changes \(prepared.changes)
                preexisting \(prepared.preexisting)
                """
        } catch {
            // Every field of the error, the findings of a refusal among them.
            var text = ""
            dump(error, to: &text)
            return text
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func preparingAnEditReadsOnlyWhatItChanges(seed: UInt64) throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        let git = try clinic.git
        let branch = "refs/heads/drafts/sequence"
        var tip = try repository.publishedTip()
        var maker = EditMaker(random: SeededRandom(state: seed))
        let signature = Signature(name: "Olivia", email: "o@example.com", time: clinic.clock.now)
        var started = false
        func write(_ changes: [FileChange]) throws {
            tip = try git.commit(
                changes: changes, onBranch: branch, expectedTip: started ? tip : nil, parentIfNew: tip, author: signature,
                committer: signature, message: "step")
            started = true
        }
        var (saved, refused) = (0, 0)
        for _ in 0..<70 {
            if maker.int(0..<8) == 0 {
                try write(maker.handWritten())
                continue
            }
            let makeEdit = maker.edit()
            // Either may run first, with the record cache cold or warm.
            let fastFirst = maker.int(0..<2) == 0
            let fast: String
            let whole: String
            if fastFirst {
                fast = outcome { try repository.prepare(makeEdit, at: tip) }
                whole = outcome { try repository.prepareReadingEverything(makeEdit, at: tip) }
            } else {
                whole = outcome { try repository.prepareReadingEverything(makeEdit, at: tip) }
                fast = outcome { try repository.prepare(makeEdit, at: tip) }
            }
            #expect(fast == whole)
            if let prepared = try? repository.prepare(makeEdit, at: tip) {
                try write(prepared.fileChanges)
                saved += 1
            } else {
                refused += 1
            }
        }
        // The sequence is worth something only if it both saves and refuses.
        #expect(saved >= 10 && refused >= 10, "saved \(saved), refused \(refused)")
    }
}
