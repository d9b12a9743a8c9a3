import ClinicContent
import ClinicGit
import Foundation
import Testing

@testable import ClinicWorkflow

/// `history ENTRY` through the history index: as a walk of the whole history would
/// tell it, however long that history is, and whatever state the stored index is in.
@Suite("history index")
struct HistoryIndexTests {
    /// Approves a one-edit draft changing `entry`'s answer; returns the merge.
    func publish(_ entry: String, _ answer: String, in clinic: TestClinic) throws -> ObjectID {
        let edit = try clinic.repository.commit(FAQEdits.edit(entry, .init(answer: answer)), to: nil, as: People.office)
        clinic.clock.advance()
        return try clinic.repository.reviews.approve(edit.draft, as: People.rita).merge.id
    }

    func indexFile(of clinic: TestClinic) -> URL { clinic.folder.appendingPathComponent("clinicctl/history-index") }

    @Test("an entry's history lists its newest changes up to the limit, however many other changes came after")
    func limitCountsChanges() throws {
        let clinic = try TestClinic()
        let first = try publish("what-is-dry-needling", "A needle treatment.", in: clinic)
        let second = try publish("what-is-dry-needling", "A treatment with thin needles.", in: clinic)
        for answer in ["Yes.", "Yes, always.", "Yes, always sterile."] {
            _ = try publish("do-you-use-sterile-needles", answer, in: clinic)
        }
        #expect(try clinic.repository.reviews.history(entry: "faq/what-is-dry-needling", limit: 2).map(\.commit.id) == [second, first])
        #expect(try clinic.repository.reviews.history(limit: 2).count == 2)
    }

    @Test("the stored index grows with the published branch and answers as a walk from scratch does")
    func indexGrows() throws {
        let clinic = try TestClinic()
        let root = try clinic.repository.publishedTip()
        let first = try publish("what-is-dry-needling", "A needle treatment.", in: clinic)
        #expect(try clinic.repository.reviews.history(entry: "faq/what-is-dry-needling").map(\.commit.id) == [first, root])
        let stored = try String(contentsOf: indexFile(of: clinic), encoding: .utf8)
        #expect(stored.contains(first.hex))
        let other = try publish("do-you-use-sterile-needles", "Yes.", in: clinic)
        let second = try publish("what-is-dry-needling", "A treatment with thin needles.", in: clinic)
        let grown = try clinic.repository.reviews.history(entry: "faq/what-is-dry-needling")
        #expect(grown.map(\.commit.id) == [second, first, root])
        #expect(try String(contentsOf: indexFile(of: clinic), encoding: .utf8).contains(second.hex))
        #expect(try clinic.repository.reviews.history(entry: "faq/do-you-use-sterile-needles").map(\.commit.id) == [other, root])
        try FileManager.default.removeItem(at: indexFile(of: clinic))
        let fresh = try clinic.repository.reviews.history(entry: "faq/what-is-dry-needling")
        #expect(fresh.map(\.commit) == grown.map(\.commit))
        #expect(fresh.map(\.draftedBy) == grown.map(\.draftedBy) && fresh.map(\.entries) == grown.map(\.entries))
    }

    @Test(
        "a damaged, cut-off or foreign index is ignored and rebuilt",
        arguments: ["garbage", "cut-off", "damaged line", "other history", "other folder"])
    func damagedIndexIsRebuilt(damage: String) throws {
        let clinic = try TestClinic()
        let root = try clinic.repository.publishedTip()
        let change = try publish("what-is-dry-needling", "A needle treatment.", in: clinic)
        let expected = [change, root]
        #expect(try clinic.repository.reviews.history(entry: "faq/what-is-dry-needling").map(\.commit.id) == expected)
        let file = indexFile(of: clinic)
        let good = try String(contentsOf: file, encoding: .utf8)
        // A draft's commit: never on the published branch's first-parent line.
        let draft = try clinic.repository.commit(
            FAQEdits.edit("what-is-dry-needling", .init(answer: "Unpublished.")), to: nil, as: People.office)
        let tip = try clinic.repository.publishedTip()
        let text =
            switch damage {
            case "garbage": "not an index\n"
            case "cut-off": String(good.dropLast(8))
            case "damaged line": good.replacingOccurrences(of: change.hex, with: String(repeating: "z", count: 40))
            case "other history":
                "clinicctl history index 1\ncontent\n\(draft.commit.hex) 9\nfaq/what-is-dry-needling 9:\(draft.commit.hex)\nend 1\n"
            default: "clinicctl history index 1\nelsewhere\n\(tip.hex) 9\nfaq/what-is-dry-needling 9:\(draft.commit.hex)\nend 1\n"
            }
        try Data(text.utf8).write(to: file)
        #expect(try clinic.repository.reviews.history(entry: "faq/what-is-dry-needling").map(\.commit.id) == expected)
        #expect(try String(contentsOf: file, encoding: .utf8) == good)
    }
}
