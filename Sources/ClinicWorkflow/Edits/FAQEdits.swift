import ClinicContent

/// Where an FAQ entry goes in the page order.
public enum FAQPlacement: Sendable, Equatable {
    case end
    case position(Int)
    case after(String)
    case before(String)
}

/// The office manager's FAQ edits.
public enum FAQEdits {
    /// Fields of an entry; nil leaves a field as it is.
    public struct Fields: Sendable {
        public var question: String?
        public var answer: String?
        public var category: String?
        public var tags: [String]?
        public var lastReviewed: CalendarDay?
        public var locale: String?
        public init(
            question: String? = nil, answer: String? = nil, category: String? = nil, tags: [String]? = nil,
            lastReviewed: CalendarDay? = nil, locale: String? = nil
        ) {
            self.question = question
            self.answer = answer
            self.category = category
            self.tags = tags
            self.lastReviewed = lastReviewed
            self.locale = locale
        }
    }

    /// The id a new question gets: its slug, with `-2`, `-3`… when taken.
    public static func newID(for question: String, in content: SiteContent) -> String {
        let stem = Formats.slug(from: question).isEmpty ? "question" : Formats.slug(from: question)
        var id = stem
        var counter = 2
        while content.faqEntry(id) != nil {
            id = "\(stem)-\(counter)"
            counter += 1
        }
        return id
    }

    public static func add(_ fields: Fields, id explicitID: String?, placement: FAQPlacement, in content: SiteContent) throws -> ContentEdit
    {
        guard let question = fields.question?.trimmingCharacters(in: .whitespacesAndNewlines), !question.isEmpty else {
            throw WorkflowError(.usage, "a new FAQ entry needs a question (--question)")
        }
        guard let answer = fields.answer, !answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw WorkflowError(.usage, "a new FAQ entry needs an answer (--answer TEXT or --answer-file PATH)")
        }
        let defaultLocale = content.clinic.defaultLocale
        if let locale = fields.locale, locale != defaultLocale {
            throw WorkflowError(
                .usage,
                "a new entry is written in the clinic's default locale (\(defaultLocale)) first",
                remedy: .translateAfterwards(locale: locale))
        }
        if let explicitID { try WorkflowError.checkNewID(explicitID, of: "an FAQ entry's") }
        let id = explicitID ?? newID(for: question, in: content)
        if content.faqEntry(id) != nil {
            throw WorkflowError(.refused, "there is already an FAQ entry with id \"\(id)\"; choose another --id or edit that one")
        }
        let category: String
        if let chosen = fields.category {
            category = chosen
        } else if content.categories.count == 1 {
            category = content.categories[0].id
        } else {
            throw WorkflowError(
                .usage,
                "say which category the question belongs to (--category); categories: \(content.categories.map(\.id).joined(separator: ", "))"
            )
        }
        let entry = FAQEntry(
            id: id, question: LocalizedText(question, locale: defaultLocale),
            answer: LocalizedText(answer.trimmingCharacters(in: .whitespacesAndNewlines), locale: defaultLocale),
            category: category, position: 0, tags: fields.tags ?? [], lastReviewed: fields.lastReviewed)
        var recorded = fields
        recorded.category = category
        var operation = EditOperation.faq("faq.add", id: id, recorded)
        operation.placement = EditOperation.placement(placement)
        return ContentEdit(change: "faq.add", entry: "faq/\(id)", summary: "FAQ: add \"\(question)\"", draftHint: "faq-\(id)") { content in
            guard content.faqEntry(id) == nil else {
                throw WorkflowError(.refused, "there is already an FAQ entry with id \"\(id)\"")
            }
            content.faq.append(entry)
            try place(id, placement, in: &content)
        }.recording(operation)
    }

    public static func edit(_ id: String, _ fields: Fields) -> ContentEdit {
        ContentEdit(change: "faq.edit", entry: "faq/\(id)", summary: "FAQ: edit \"\(id)\"", draftHint: "faq-\(id)") { content in
            let index = try entryIndex(id, in: content)
            let locale = fields.locale ?? content.clinic.defaultLocale
            var entry = content.faq[index]
            if let question = fields.question {
                entry.question.set(question.trimmingCharacters(in: .whitespacesAndNewlines), locale: locale)
            }
            if let answer = fields.answer { entry.answer.set(answer.trimmingCharacters(in: .whitespacesAndNewlines), locale: locale) }
            if let category = fields.category { entry.category = category }
            if let tags = fields.tags { entry.tags = tags }
            if let reviewed = fields.lastReviewed { entry.lastReviewed = reviewed }
            content.faq[index] = entry
        }.recording(.faq("faq.edit", id: id, fields))
    }

    public static func remove(_ id: String) -> ContentEdit {
        ContentEdit(change: "faq.remove", entry: "faq/\(id)", summary: "FAQ: remove \"\(id)\"", draftHint: "faq-remove-\(id)") { content in
            content.faq.remove(at: try entryIndex(id, in: content))
        }.recording(.faq("faq.remove", id: id, Fields()))
    }

    public static func move(_ id: String, _ placement: FAQPlacement) -> ContentEdit {
        ContentEdit(change: "faq.move", entry: "faq/\(id)", summary: "FAQ: move \"\(id)\"", draftHint: "faq-move-\(id)") { content in
            _ = try entryIndex(id, in: content)
            try place(id, placement, in: &content)
        }.recording(.faq("faq.move", id: id, Fields(), placement: placement))
    }

    static func entryIndex(_ id: String, in content: SiteContent) throws -> Int {
        guard let index = content.faq.firstIndex(where: { $0.id == id }) else {
            let near = content.faq.map(\.id).filter { $0.contains(id) || id.contains($0) }
            throw WorkflowError(
                .notFound, "there is no FAQ entry \"\(id)\"" + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"),
                remedy: near.isEmpty ? .listFAQ : nil)
        }
        return index
    }

    /// Gives `id` a position per `placement`, touching other entries only when
    /// there is no free number between its neighbours (then all are respaced by 10).
    static func place(_ id: String, _ placement: FAQPlacement, in content: inout SiteContent) throws {
        let others = content.faqInPageOrder.filter { $0.id != id }
        func setPosition(_ position: Int) {
            if let index = content.faq.firstIndex(where: { $0.id == id }) { content.faq[index].position = position }
        }
        let slot: Int  // index in `others` before which the entry goes
        switch placement {
        case .end:
            setPosition((others.last?.position ?? 0) + 10)
            return
        case .position(let number):
            setPosition(number)
            return
        case .after(let anchor):
            guard let at = others.firstIndex(where: { $0.id == anchor }) else { throw anchorMissing(anchor, id) }
            slot = at + 1
        case .before(let anchor):
            guard let at = others.firstIndex(where: { $0.id == anchor }) else { throw anchorMissing(anchor, id) }
            slot = at
        }
        let low = slot > 0 ? others[slot - 1].position : (others.first.map { $0.position - 20 } ?? 0)
        let high = slot < others.count ? others[slot].position : low + 20
        if high - low >= 2 {
            setPosition(low + (high - low) / 2)
            return
        }
        var order = others.map(\.id)
        order.insert(id, at: slot)
        for (rank, entryID) in order.enumerated() {
            if let index = content.faq.firstIndex(where: { $0.id == entryID }) { content.faq[index].position = (rank + 1) * 10 }
        }
    }

    static func anchorMissing(_ anchor: String, _ id: String) -> WorkflowError {
        WorkflowError(
            .notFound,
            anchor == id ? "an entry cannot be placed next to itself" : "there is no FAQ entry \"\(anchor)\" to place \"\(id)\" next to")
    }
}
