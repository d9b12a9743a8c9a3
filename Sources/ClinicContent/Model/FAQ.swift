/// A group of questions shown together (`content/categories.yaml`).
public struct FAQCategory: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: LocalizedText
    public init(id: String, title: LocalizedText) {
        self.id = id
        self.title = title
    }
}

/// One question and its answer (`content/faq/<id>.md`).
public struct FAQEntry: Hashable, Sendable, Identifiable {
    public var id: String
    public var question: LocalizedText
    /// CommonMark source, per locale.
    public var answer: LocalizedText
    public var category: String
    /// Page order: entries are shown by ascending position.
    public var position: Int
    public var tags: [String]
    /// When someone last checked the answer is still right.
    public var lastReviewed: CalendarDay?

    public init(
        id: String, question: LocalizedText, answer: LocalizedText, category: String, position: Int,
        tags: [String] = [], lastReviewed: CalendarDay? = nil
    ) {
        self.id = id
        self.question = question
        self.answer = answer
        self.category = category
        self.position = position
        self.tags = tags
        self.lastReviewed = lastReviewed
    }
}
