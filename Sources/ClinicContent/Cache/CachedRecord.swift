/// What reading one FAQ file produced, and what checking it on its own found:
/// a pure function of the file's path, its bytes (named by their Git blob id)
/// and the clinic's default locale, which is all a cache entry is keyed by.
struct CachedFAQRecord: Sendable {
    /// The file's size in bytes, counted against `ContentLimits.repositoryBytes`.
    var size: Int
    var entry: CachedFAQEntry?
    /// Findings made while reading the file.
    var reading: [Finding]
    /// Where each field stands in the file: field, line, column.
    var positions: [String: [Int]]
    var listIndices: [String: [Int]]
    /// Findings of the rules that look at this entry alone (never ids, positions or categories of others).
    var own: [Finding]
}

/// An `FAQEntry` in a form the cache file can hold.
struct CachedFAQEntry: Sendable {
    var id: String
    var question: [String: String]
    var answer: [String: String]
    var category: String
    var position: Int
    var tags: [String]
    /// Year, month, day.
    var lastReviewed: [Int]?
}

extension CachedFAQEntry {
    init(_ entry: FAQEntry) {
        id = entry.id
        question = entry.question.translations
        answer = entry.answer.translations
        category = entry.category
        position = entry.position
        tags = entry.tags
        lastReviewed = entry.lastReviewed.map { [$0.year, $0.month, $0.day] }
    }

    /// The entry again; nil when the stored date is not a real one (a damaged cache).
    var entry: FAQEntry? {
        var day: CalendarDay?
        if let parts = lastReviewed {
            guard parts.count == 3, let real = CalendarDay(year: parts[0], month: parts[1], day: parts[2]) else { return nil }
            day = real
        }
        return FAQEntry(
            id: id, question: LocalizedText(question), answer: LocalizedText(answer), category: category, position: position,
            tags: tags, lastReviewed: day)
    }
}

extension SourceMap {
    /// The positions recorded for `file`, as the cache stores them.
    func cachedPositions(_ file: String) -> [String: [Int]] {
        (positions[file] ?? [:]).mapValues { [$0.line, $0.column] }
    }

    /// Takes back positions stored by `cachedPositions`; false when one is malformed.
    mutating func restore(_ file: String, positions stored: [String: [Int]], listIndices lists: [String: [Int]]) -> Bool {
        var own: [String: SourcePosition] = [:]
        for (field, pair) in stored {
            guard pair.count == 2 else { return false }
            own[field] = SourcePosition(line: pair[0], column: pair[1])
        }
        positions[file] = own.isEmpty ? nil : own
        listIndices[file] = lists.isEmpty ? nil : lists
        return true
    }
}
