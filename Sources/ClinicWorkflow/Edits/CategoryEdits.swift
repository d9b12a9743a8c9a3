import ClinicContent

/// The office manager's edits to the FAQ's sections (`content/categories.yaml`).
public enum CategoryEdits {
    /// Adds a section named `title`, with `id` or one made from the title.
    public static func add(id explicitID: String?, title: String, in content: SiteContent) throws -> ContentEdit {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw WorkflowError(.usage, "a category needs a title") }
        let id = explicitID ?? Formats.slug(from: title)
        guard !id.isEmpty else { throw WorkflowError(.usage, "give the category an id (--id) made of letters, digits and dashes") }
        if content.categories.contains(where: { $0.id == id }) {
            throw WorkflowError(.refused, "there is already a category \"\(id)\"; choose another --id or rename that one", entry: entry(id))
        }
        let category = FAQCategory(id: id, title: LocalizedText(title, locale: content.clinic.defaultLocale))
        return ContentEdit(
            change: "category.add", entry: entry(id), summary: "FAQ category: add \"\(title)\"", draftHint: "faq-category-\(id)"
        ) { $0.categories.append(category) }.recording(.category("category.add", id, title: title))
    }

    /// Gives a section a new title, in the default locale or `locale` (a translation).
    public static func rename(_ id: String, to title: String, locale: String?, in content: SiteContent) throws -> ContentEdit {
        _ = try existing(id, in: content)
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw WorkflowError(.usage, "a category needs a title") }
        let locale = locale ?? content.clinic.defaultLocale
        return ContentEdit(
            change: "category.rename", entry: entry(id), summary: "FAQ category: rename \(id) to \"\(title)\"",
            draftHint: "faq-category-\(id)"
        ) { content in
            guard let index = content.categories.firstIndex(where: { $0.id == id }) else { return }
            content.categories[index].title.set(title, locale: locale)
        }.recording(.category("category.rename", id, title: title, locale: locale))
    }

    /// Removes a section no entry uses; refused, naming the entries, while any does.
    public static func remove(_ id: String, in content: SiteContent) throws -> ContentEdit {
        let category = try existing(id, in: content)
        let users = content.faqInPageOrder.filter { $0.category == id }.map(\.id)
        guard users.isEmpty else {
            throw WorkflowError(
                .refused,
                "category \"\(id)\" is still used by \(users.count) FAQ entr\(users.count == 1 ? "y" : "ies"): \(users.joined(separator: ", "))",
                entry: entry(id),
                remedy: .moveToAnotherCategory)
        }
        guard content.categories.count > 1 else {
            throw WorkflowError(.refused, "\"\(id)\" is the only category; the FAQ needs at least one", entry: entry(id))
        }
        let title = category.title.text(for: content.clinic.defaultLocale, defaultLocale: content.clinic.defaultLocale) ?? id
        return ContentEdit(
            change: "category.remove", entry: entry(id), summary: "FAQ category: remove \"\(title)\"", draftHint: "faq-category-\(id)"
        ) { $0.categories.removeAll { $0.id == id } }.recording(.category("category.remove", id))
    }

    static func entry(_ id: String) -> String { "category/\(id)" }

    static func existing(_ id: String, in content: SiteContent) throws -> FAQCategory {
        guard let category = content.categories.first(where: { $0.id == id }) else {
            throw WorkflowError(
                .notFound,
                "there is no category \"\(id)\"; categories: \(content.categories.map(\.id).joined(separator: ", "))",
                entry: entry(id))
        }
        return category
    }
}
