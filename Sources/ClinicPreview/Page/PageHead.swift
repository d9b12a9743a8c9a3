import Plot

/// What the preview's pages share: the head and the line that says which
/// revision this is.
enum PageHead {
    /// Nothing may be loaded from outside the folder: no scripts at all (the
    /// JSON-LD block is data, which CSP does not run), styles and images only
    /// from the folder itself, no forms, no `<base>`.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"

    static let stylesheetName = "preview.css"

    /// The path from a locale's page back to the folder's top.
    static func root(_ locale: String, defaultLocale: String) -> String { locale == defaultLocale ? "" : "../" }

    /// The path of `page` in `locale`, seen from the folder's top.
    static func path(_ page: String, locale: String, defaultLocale: String) -> String {
        locale == defaultLocale ? page : "\(locale)/\(page)"
    }

    static func head(
        title: String, locale: String, locales: [String], defaultLocale: String, page: String,
        extra: Node<HTML.HeadContext> = .empty
    ) -> Node<HTML.DocumentContext> {
        let root = root(locale, defaultLocale: defaultLocale)
        return .head(
            .encoding(.utf8),
            .meta(
                .attribute(named: "http-equiv", value: "Content-Security-Policy"),
                .attribute(named: "content", value: contentSecurityPolicy)),
            .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
            .element(named: "title", nodes: [.words(title)]),
            .link(.rel(.stylesheet), .safe("href", root + stylesheetName)),
            .forEach(locales.count > 1 ? locales : []) { other in
                .link(
                    .rel(.alternate), .safe("hreflang", other),
                    .safe("href", root + path(page, locale: other, defaultLocale: defaultLocale)))
            },
            extra
        )
    }

    /// `Preview of revision 8a40311 (2026-03-01T17:04:05Z)`: says this is not the live page.
    static func banner(_ bundle: PreviewBundle, _ words: PageWords) -> String {
        let short = bundle.revision.map { String($0.prefix(7)) } ?? "—"
        let what = bundle.fromWorkingTree ? words.previewOfWorkingTree : words.preview
        return "\(what) \(short) (\(bundle.generatedAt))"
    }

    /// Links to the same page in the other locales, each named in its own language.
    static func languageLinks(_ context: PageContext, page: String) -> Node<HTML.BodyContext> {
        let bundle = context.bundle
        let others = bundle.locales.filter { $0 != context.locale }
        let root = root(context.locale, defaultLocale: bundle.defaultLocale)
        return .if(
            !others.isEmpty,
            .nav(
                .safeAttribute("aria-label", context.words.languages),
                .ul(
                    .class("languages"),
                    .forEach(others) { other in
                        .li(
                            .a(
                                .safeAttribute("href", root + path(page, locale: other, defaultLocale: bundle.defaultLocale)),
                                .safeAttribute("hreflang", other), .safeAttribute("lang", other),
                                .words(
                                    PageWords.forLocale(other).languageName == PageWords.english.languageName && other.lowercased() != "en"
                                        ? other : PageWords.forLocale(other).languageName)))
                    })))
    }
}
