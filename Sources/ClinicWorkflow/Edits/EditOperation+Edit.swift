import ClinicContent

extension ContentEdit {
    /// The edit `operation` records, made again on `content` by the same factory that
    /// made it first; it carries the operation again. Throws as the factory would
    /// (the entry is gone, the id is taken), or `.invalid` for a value that cannot be read.
    public init(operation: EditOperation, in content: SiteContent) throws {
        var edit = try Self.make(operation, in: content)
        edit.operation = operation
        self = edit
    }

    /// `edit` with `operation` recorded on it: what every factory returns.
    func recording(_ operation: EditOperation) -> ContentEdit {
        var edit = self
        edit.operation = operation
        return edit
    }

    private static func make(_ op: EditOperation, in content: SiteContent) throws -> ContentEdit {
        func need<T>(_ value: T?, _ name: String) throws -> T {
            guard let value else { throw WorkflowError(.invalid, "the recorded \(op.kind) edit has no \(name)") }
            return value
        }
        switch op.kind {
        case "faq.add":
            return try FAQEdits.add(op.faqFields, id: need(op.id, "id"), placement: EditOperation.placement(op.placement), in: content)
        case "faq.edit": return try FAQEdits.edit(need(op.id, "id"), op.faqFields)
        case "faq.remove": return try FAQEdits.remove(need(op.id, "id"))
        case "faq.move": return try FAQEdits.move(need(op.id, "id"), EditOperation.placement(op.placement))
        case "hours.set":
            return try HoursEdits.set(need(op.location, "location"), days: days(op), ranges: ranges(op))
        case "hours.closed": return try HoursEdits.closed(need(op.location, "location"), days: days(op))
        case "hours.appointment":
            return try HoursEdits.appointment(need(op.location, "location"), days: days(op), note: op.note, locale: op.locale)
        case "hours.special.add":
            guard let location = op.location else { return try HoursEdits.addSpecialEverywhere(op.specialHours) }
            return try HoursEdits.addSpecial(location, op.specialHours)
        case "hours.special.remove":
            return try HoursEdits.removeSpecial(
                need(op.location, "location"), from: EditOperation.day(need(op.from, "first day")),
                through: op.through.map(EditOperation.day),
                in: content)
        case "location.add": return try LocationEdits.add(need(op.id, "id"), op.locationFields)
        case "location.edit": return try LocationEdits.edit(need(op.id, "id"), op.locationFields, locale: op.locale)
        case "location.remove": return try LocationEdits.remove(need(op.id, "id"), cascade: op.cascade ?? false)
        case "clinic.set": return try ClinicEdits.set(op.clinicFields)
        case "social.move": return try SocialEdits.move(network(op), to: op.socialPlacement)
        case "social.add":
            return try SocialEdits.add(network(op), url: need(op.url, "url"), handle: op.handle, replace: op.replace ?? false)
        case "social.remove": return try SocialEdits.remove(network(op))
        case "category.add": return try CategoryEdits.add(id: op.id, title: need(op.title, "title"), in: content)
        case "category.rename":
            return try CategoryEdits.rename(need(op.id, "id"), to: need(op.title, "title"), locale: op.locale, in: content)
        case "category.remove": return try CategoryEdits.remove(need(op.id, "id"), in: content)
        default: throw WorkflowError(.invalid, "clinicctl cannot make a \(op.kind) edit again")
        }
    }

    private static func days(_ op: EditOperation) throws -> [Weekday] {
        try (op.days ?? []).map { day in
            guard let weekday = Weekday(rawValue: day) else { throw WorkflowError(.invalid, "the recorded day \"\(day)\" cannot be read") }
            return weekday
        }
    }

    private static func ranges(_ op: EditOperation) throws -> [TimeRange] {
        try (op.ranges ?? []).map { text in
            guard let range = TimeRange(parsing: text) else {
                throw WorkflowError(.invalid, "the recorded hours \"\(text)\" cannot be read")
            }
            return range
        }
    }

    private static func network(_ op: EditOperation) throws -> SocialNetwork {
        guard let name = op.network, let network = SocialNetwork(rawValue: name) else {
            throw WorkflowError(.invalid, "the recorded network \"\(op.network ?? "")\" cannot be read")
        }
        return network
    }
}
