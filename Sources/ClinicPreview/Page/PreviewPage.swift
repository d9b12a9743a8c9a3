import Plot

/// The clinic's page in one locale, laid out as the page the content was
/// taken from: the FAQ by category, the hours, the phone, the locations, then
/// the social links and the copyright line.
struct PreviewPage {
    var context: PageContext
    /// `clinic.jsonld` (or `clinic.<locale>.jsonld`), embedded as it is.
    var linkedData: String?

    /// The clinic's page as a complete HTML document.
    func html() -> String {
        let bundle = context.bundle
        let words = context.words
        return HTML(
            .safeAttribute("lang", context.locale),
            PageHead.head(
                title: bundle.categories.first.map { "\(context.text($0.title)) – \(context.text(bundle.clinic.name))" }
                    ?? context.text(bundle.clinic.name),
                locale: context.locale, locales: bundle.locales, defaultLocale: bundle.defaultLocale, page: "index.html",
                extra: .unwrap(linkedData) { json in
                    // The JSON-LD exactly as exported; re-escaped so no string in
                    // it can close the script element (see Escaping.scriptJSON).
                    .script(.attribute(named: "type", value: "application/ld+json"), .raw(Escaping.scriptJSON(json)))
                }),
            .body(
                .header(
                    .p(.class("banner"), .words(PageHead.banner(bundle, words))),
                    .h1(.words(context.text(bundle.clinic.name))),
                    PageHead.languageLinks(context, page: "index.html")
                ),
                .main(
                    .forEach(context.faqSections) { Self.placed($0, level: 2) },
                    Self.placed(context.hoursSection, level: 2),
                    Self.placed(context.phoneSection, level: 2),
                    .if(
                        !bundle.locations.isEmpty,
                        .section(
                            .safeAttribute("aria-labelledby", "locations"),
                            .h2(.id("locations"), .words(words.locations)),
                            .forEach(context.locationSections) { Self.placed($0, level: 3) }
                        ))
                ),
                .footer(
                    .if(!bundle.social.isEmpty, Self.placed(context.socialSection, level: 2)),
                    Self.placed(context.copyrightSection, level: 2)
                )
            )
        ).render(indentedBy: .spaces(1)) + "\n"
    }

    /// A section on the page: its heading at `level`, its body one below.
    static func placed(_ section: PageSection, level: Int) -> Node<HTML.BodyContext> {
        guard section.headingShown else { return section.body(SectionPlace(headingLevel: level + 1)) }
        return .section(
            .safeAttribute("id", section.id),
            .safeAttribute("aria-labelledby", "\(section.id)-title"),
            .heading(level, id: "\(section.id)-title", section.title),
            section.body(SectionPlace(headingLevel: level + 1))
        )
    }
}
