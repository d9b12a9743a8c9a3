import ClinicContent
import Foundation

/// Edits of the FAQ entries: added, removed, and each field changed, in English or in Spanish.
extension MergeEditor {
    mutating func faqAdd(_ c: SiteContent, _ side: String) -> MergeEdit? {
        let id = "\(side)-question-\(number())"
        let category = pick(c.categories)?.id ?? "trigger-point-dry-needling"
        let entry = FAQEntry(
            id: id, question: LocalizedText("Question \(id)?", locale: "en"), answer: LocalizedText("Answer \(number()).", locale: "en"),
            category: category, position: Int.random(in: 1...300, using: &random))
        return MergeEdit(name: "faq add \(id)", claims: ["faq/\(id)", "categories/\(category)/used"]) { $0.faq.append(entry) }
    }

    mutating func faqRemove(_ c: SiteContent) -> MergeEdit? {
        guard let id = pick(c.faq)?.id else { return nil }
        return MergeEdit(name: "faq remove \(id)", claims: ["faq/\(id)"]) { $0.faq.removeAll { $0.id == id } }
    }

    mutating func faqEdit(_ c: SiteContent, _ side: String) -> MergeEdit? {
        // A few entries only (the first of them translated already), so that both drafts often edit one.
        guard let id = pick(Array(c.faq.prefix(3)))?.id, let edit = pick(faqFieldEdits(c, side)) else { return nil }
        return MergeEdit(name: "faq \(edit.name) \(id)", claims: edit.fields.map { "faq/\(id)/\($0)" } + edit.alsoClaims) {
            $0.editFAQ(id, edit.change)
        }
    }

    /// Each edit of one entry.
    mutating func faqFieldEdits(_ c: SiteContent, _ side: String) -> [FAQFieldEdit] {
        let text = "\(side) text \(number())"
        let category = pick(c.categories)?.id ?? "trigger-point-dry-needling"
        let position = Int.random(in: 1...300, using: &random)
        let reviewed = day("2026-\(10 + Int.random(in: 0...2, using: &random))-1\(Int.random(in: 0...9, using: &random))")
        return [
            FAQFieldEdit("question", ["question/en"]) { $0.question.set(text + "?", locale: "en") },
            FAQFieldEdit("answer", ["answer/en"]) { $0.answer.set(text, locale: "en") },
            FAQFieldEdit("translate", ["question/es", "answer/es"]) {
                $0.question.set("¿\(text)?", locale: "es")
                $0.answer.set(text, locale: "es")
            },
            FAQFieldEdit("untranslate", ["question/es", "answer/es"]) {
                $0.question.set(nil, locale: "es")
                $0.answer.set(nil, locale: "es")
            },
            // Filing an entry under a category claims the category's being there.
            FAQFieldEdit("category", ["category"], also: ["categories/\(category)/used"]) { $0.category = category },
            FAQFieldEdit("position", ["position"]) { $0.position = position },
            FAQFieldEdit("tags", ["tags"]) { $0.tags = [text.split(separator: " ").last.map(String.init) ?? "x"] },
            FAQFieldEdit("reviewed", ["lastReviewed"]) { $0.lastReviewed = reviewed },
        ]
    }
}

/// One edit of an FAQ entry: its name, the fields it claims (below `faq/ID`), other claims, and the change.
struct FAQFieldEdit {
    var name: String
    var fields: [String]
    var alsoClaims: [String]
    var change: (inout FAQEntry) -> Void

    init(_ name: String, _ fields: [String], also: [String] = [], change: @escaping (inout FAQEntry) -> Void) {
        (self.name, self.fields, self.alsoClaims, self.change) = (name, fields, also, change)
    }
}
