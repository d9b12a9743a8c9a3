import ClinicContent
import Foundation

// The operations the factories record, and the values read back from them.

extension EditOperation {
    static func placement(_ placement: FAQPlacement) -> String {
        switch placement {
        case .end: "end"
        case .position(let number): "position:\(number)"
        case .after(let id): "after:\(id)"
        case .before(let id): "before:\(id)"
        }
    }

    static func placement(_ text: String?) throws -> FAQPlacement {
        let parts = (text ?? "end").split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count == 2 ? parts[1] : nil) {
        case ("end", nil): return .end
        case ("position", let number?): if let number = Int(number) { return .position(number) }
        case ("after", let id?): return .after(id)
        case ("before", let id?): return .before(id)
        default: break
        }
        throw WorkflowError(.invalid, "the recorded placement \"\(text ?? "")\" cannot be read")
    }

    static func faq(_ kind: String, id: String, _ fields: FAQEdits.Fields, placement: FAQPlacement? = nil) -> EditOperation {
        var operation = EditOperation(kind: kind)
        operation.placement = placement.map(Self.placement)
        operation.id = id
        operation.question = fields.question
        operation.answer = fields.answer
        operation.category = fields.category
        operation.tags = fields.tags
        operation.lastReviewed = fields.lastReviewed?.description
        operation.locale = fields.locale
        return operation
    }

    var faqFields: FAQEdits.Fields {
        get throws {
            let reviewed = try lastReviewed.map { text in
                guard let day = CalendarDay(text) else { throw WorkflowError(.invalid, "the recorded date \"\(text)\" cannot be read") }
                return day
            }
            return FAQEdits.Fields(
                question: question, answer: answer, category: category, tags: tags, lastReviewed: reviewed, locale: locale)
        }
    }

    static func hours(
        _ kind: String, _ location: String, days: [Weekday], ranges: [TimeRange]? = nil, note: String? = nil, locale: String? = nil
    ) -> EditOperation {
        var operation = EditOperation(kind: kind)
        operation.note = note
        operation.locale = locale
        operation.location = location
        operation.days = days.map(\.rawValue)
        operation.ranges = ranges?.map(\.canonicalLabel)
        return operation
    }
}

extension EditOperation {
    static func social(_ kind: String, _ network: SocialNetwork, url: String? = nil, handle: String? = nil, replace: Bool? = nil)
        -> EditOperation
    {
        var operation = EditOperation(kind: kind)
        operation.network = network.rawValue
        operation.url = url
        operation.handle = handle
        operation.replace = replace
        return operation
    }

    static func category(_ kind: String, _ id: String, title: String? = nil, locale: String? = nil) -> EditOperation {
        var operation = EditOperation(kind: kind)
        operation.id = id
        operation.title = title
        operation.locale = locale
        return operation
    }
}
