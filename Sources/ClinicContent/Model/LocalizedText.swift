/// A text a visitor reads, in the clinic's default locale and any translations.
///
/// Keys are BCP 47 language tags (`en`, `es`, `pt-BR`). The default locale's
/// text is required by validation; the others are optional.
public struct LocalizedText: Hashable, Sendable {
    public var translations: [String: String]

    public init(_ translations: [String: String]) { self.translations = translations }

    /// A text in one locale only.
    public init(_ text: String, locale: String) { self.translations = [locale: text] }

    /// The text for `locale`, falling back to `defaultLocale`.
    public func text(for locale: String, defaultLocale: String) -> String? {
        translations[locale] ?? translations[defaultLocale]
    }

    /// Locales present, the default first and the rest in alphabetical order.
    public func locales(defaultLocale: String) -> [String] {
        let others = translations.keys.filter { $0 != defaultLocale }.sorted()
        return translations[defaultLocale] == nil ? others : [defaultLocale] + others
    }

    public var isEmpty: Bool { translations.values.allSatisfy { $0.isEmpty } }

    /// Sets or, with `nil`, removes the text in `locale`.
    public mutating func set(_ text: String?, locale: String) {
        translations[locale] = text
    }
}
