import ClinicContent
import ClinicWorkflow
import Foundation

extension Prompt {
    /// The category a new FAQ entry goes in: `given`, else, on a terminal where the
    /// content has more than one, the one the person picks (by number or id).
    /// Elsewhere nil, so the edit itself names the choices.
    static func category(given: String?, write: WriteOptions) throws -> String? {
        guard given == nil, isInteractive else { return given }
        let repository = try write.repository.open()
        let content = try repository.load(at: try repository.readingRevision(revision: nil, draft: write.draft)).content
        guard content.categories.count > 1 else { return nil }
        let locale = content.clinic.defaultLocale
        var menu = "Which category does the question belong to?\n"
        for (number, category) in content.categories.enumerated() {
            menu += "  \(number + 1). \(category.title.text(for: locale, defaultLocale: locale) ?? category.id) (\(category.id))\n"
        }
        printError(menu)
        return try pick(try ask("Category (number or id)", flag: "--category"), from: content.categories.map(\.id))
    }

    /// A category id from what was typed: its number in the menu, or the id itself.
    static func pick(_ answer: String, from ids: [String]) throws -> String {
        let typed = answer.trimmingCharacters(in: .whitespaces)
        if let number = Int(typed), ids.indices.contains(number - 1) { return ids[number - 1] }
        if let id = ids.first(where: { $0.caseInsensitiveCompare(typed) == .orderedSame }) { return id }
        throw WorkflowError(
            .usage, "\"\(typed)\" is not one of the categories (1 to \(ids.count), or \(ids.joined(separator: ", "))); nothing was changed")
    }
}
