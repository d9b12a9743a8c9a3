import Foundation
import Plot

/// One part of the page a patient sees (a FAQ category, the hours, a
/// location, ...): the unit the compare page marks as changed or not.
struct PageSection {
    /// Stable across revisions (`faq-<category>`, `location-<id>`, `hours`), so
    /// the published and the draft version of a section can be paired.
    var id: String
    var title: String
    /// False for the copyright line, which the page shows without a heading.
    var headingShown = true
    var body: (SectionPlace) -> Node<HTML.BodyContext>
}

/// Where a section's body is placed: the level its own sub-headings take,
/// and a prefix that keeps its element ids unique on a page showing two
/// versions of it.
struct SectionPlace: Hashable {
    var headingLevel: Int
    var idPrefix = ""
}

/// What every section is rendered from: one bundle in one locale.
struct PageContext {
    var bundle: PreviewBundle
    var locale: String
    var words: PageWords
    /// The day "upcoming" special hours are counted from (`YYYY-MM-DD`).
    var today: String

    init(bundle: PreviewBundle, locale: String) {
        self.bundle = bundle
        self.locale = locale
        self.words = .forLocale(locale)
        self.today = PageContext.day(of: bundle.generatedAt, in: bundle.clinic.timeZone)
    }

    /// The text in this page's locale.
    func text(_ text: PreviewBundle.Text) -> String { text(locale) }

    /// A `lang` attribute for text that is the default locale's fallback, so a
    /// screen reader pronounces it in the language it is written in.
    func fallbackLanguage<Context>(_ fallbackLocales: [String]) -> Node<Context> {
        fallbackLocales.contains(locale) ? .safeAttribute("lang", bundle.defaultLocale) : .empty
    }
}

extension Node where Context == HTML.BodyContext {
    /// `<h1>`…`<h6>` at a level known only when the section is placed.
    static func heading(_ level: Int, id: String, _ text: String) -> Node {
        .element(named: "h\(min(max(level, 1), 6))", nodes: [.safeAttribute("id", id), .words(text)])
    }
}

extension PageContext {
    /// The calendar day of `timestamp` (`2026-03-01T17:04:05Z`) in `timeZone`;
    /// the bundle's own time, never the clock, so a preview is repeatable.
    static func day(of timestamp: String, in timeZone: String) -> String {
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: timestamp), let zone = TimeZone(identifier: timeZone) else {
            return String(timestamp.prefix(10))
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ n: Int?) -> String { (n ?? 0) < 10 ? "0\(n ?? 0)" : "\(n ?? 0)" }
        return "\(parts.year ?? 1970)-\(two(parts.month))-\(two(parts.day))"
    }
}
