import Foundation

extension ContentLoader {
    /// Splits `---` front matter from the Markdown body.
    ///
    /// Returns the YAML text, the body, and the line the body starts on.
    static func splitFrontMatter(_ text: String) -> (yaml: String, body: String, bodyLine: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingCharacters(in: .whitespaces) }) == "---",
            let close = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" })
        else { return nil }
        let yaml = lines[1..<close].joined(separator: "\n")
        var bodyLines = Array(lines[(close + 1)...])
        var bodyLine = close + 2
        while let first = bodyLines.first, first.trimmingCharacters(in: .whitespaces).isEmpty, bodyLines.count > 1 {
            bodyLines.removeFirst()
            bodyLine += 1
        }
        let body = bodyLines.joined(separator: "\n")
        return (yaml, Self.trimEnd(body), bodyLine)
    }

    static func trimEnd(_ text: String) -> String {
        var text = text
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }

    func readFAQ(_ text: String, _ path: String, _ stem: String, _ locale: String, _ state: inout LoadState) -> FAQEntry? {
        guard let parts = Self.splitFrontMatter(text) else {
            state.findings.append(
                Finding(
                    .faqFrontMatter, file: path,
                    message: "an FAQ file starts with a `---` line, the question's fields, another `---` line, then the answer"))
            return nil
        }
        state.map.record(path, "answer", SourcePosition(line: parts.bodyLine, column: 1))
        return state.read(path, empty: .faqEmpty, lineOffset: 1) { reader in
            guard let node = reader.parse(parts.yaml), let f = reader.fields(node, at: "") else { return nil }
            defer { f.finish() }
            let id = f.string("id", required: .faqIDRequired) ?? stem
            var question = LocalizedText(f.string("question", required: .faqQuestionRequired) ?? "", locale: locale)
            var answer = LocalizedText(parts.body, locale: locale)
            if parts.body.isEmpty {
                reader.report("answer", rule: .faqAnswerRequired, "the answer is empty; write it below the second `---` line")
            }
            let category = f.string("category", required: .faqCategoryRequired) ?? ""
            let position = f.int("position", required: .faqPositionRequired) ?? 0
            let tags = f.strings("tags") ?? []
            var lastReviewed: CalendarDay?
            if let raw = f.string("lastReviewed") {
                lastReviewed = CalendarDay(raw)
                if lastReviewed == nil {
                    reader.report(
                        "lastReviewed", rule: .faqLastReviewed,
                        CalendarDay.problem(in: raw).map { "lastReviewed \"\(raw)\": \($0)" }
                            ?? "lastReviewed \"\(raw)\" is not a real date; write YYYY-MM-DD")
                }
            }
            if let translations = f.node("translations"), let t = reader.fields(translations, at: "translations") {
                for (other, _, _) in t.entries {
                    _ = t.nested(other) { entry -> Void in
                        // One rule for every locale; the finding names the locale.
                        entry.locale = other
                        question.set(entry.string("question", required: .faqTranslationQuestionRequired), locale: other)
                        answer.set(
                            entry.string("answer", required: .faqTranslationAnswerRequired, multiline: true).map(Self.trimEnd),
                            locale: other)
                    }
                }
            }
            return FAQEntry(
                id: id, question: question, answer: answer, category: category, position: position,
                tags: tags, lastReviewed: lastReviewed)
        }
    }
}
