import Foundation

/// Finding FAQ entries by what they say, in every locale.
public enum FAQSearch {
    /// Where a text was found.
    public struct Match: Hashable, Sendable, Codable {
        public var entry: String
        public var locale: String
        /// `question` or `answer`.
        public var field: String
        /// The matching text, or the part of a long answer around the match.
        public var excerpt: String
    }

    /// Entries (in page order) whose question or answer contains `text`, ignoring case and accents.
    public static func matches(_ text: String, in content: SiteContent) -> [Match] {
        let wanted = fold(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !wanted.isEmpty else { return [] }
        var found: [Match] = []
        for entry in content.faqInPageOrder {
            for (field, value) in [("question", entry.question), ("answer", entry.answer)] {
                for locale in value.locales(defaultLocale: content.clinic.defaultLocale) {
                    guard let said = value.translations[locale] else { continue }
                    let folded = fold(said)
                    guard let range = folded.range(of: wanted) else { continue }
                    found.append(
                        Match(entry: entry.id, locale: locale, field: field, excerpt: excerpt(folded: folded, original: said, at: range)))
                }
            }
        }
        return found
    }

    /// Lower case without accents: "Médicare" and "medicare" are the same word to a searcher.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// About 60 characters on each side of the match, on one line.
    static func excerpt(folded: String, original: String, at range: Range<String.Index>) -> String {
        let flat = original.replacingOccurrences(of: "\n", with: " ")
        guard flat.count > 140, folded.count == original.count else { return flat }
        let start = folded.distance(from: folded.startIndex, to: range.lowerBound)
        let from = max(0, start - 60)
        let to = min(flat.count, start + folded.distance(from: range.lowerBound, to: range.upperBound) + 60)
        let slice = flat.dropFirst(from).prefix(to - from)
        return (from > 0 ? "…" : "") + slice + (to < flat.count ? "…" : "")
    }
}
