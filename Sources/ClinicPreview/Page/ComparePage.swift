import Plot

/// The published page and the draft side by side, section by section, each
/// section marked when what a patient sees in it differs.
struct ComparePage {
    var published: PageContext
    var draft: PageContext

    /// One row of the comparison: a section as published and as drafted
    /// (nil where it is only on one side).
    struct Row {
        var id: String
        var title: String
        var published: PageSection?
        var draft: PageSection?
        var changed: Bool
    }

    /// Every section of either version, in the draft's order, then those the
    /// draft removed. A section is changed when its title or its rendered
    /// body differs: exactly what a patient would see differently.
    var rows: [Row] {
        let before = Self.sections(published)
        let after = Self.sections(draft)
        let place = SectionPlace(headingLevel: 4)
        func rendered(_ section: PageSection?) -> String? {
            section.map { "\($0.title)\n\($0.body(place).render())" }
        }
        let ids = after.map(\.id) + before.map(\.id).filter { id in !after.contains { $0.id == id } }
        return ids.map { id in
            let old = before.first { $0.id == id }
            let new = after.first { $0.id == id }
            return Row(
                id: id, title: (new ?? old)?.title ?? id, published: old, draft: new, changed: rendered(old) != rendered(new))
        }
    }

    static func sections(_ context: PageContext) -> [PageSection] {
        context.faqSections + [context.hoursSection, context.phoneSection] + context.locationSections + [
            context.socialSection, context.copyrightSection,
        ]
    }

    func html() -> String {
        let words = draft.words
        let rows = rows
        let changedCount = rows.filter(\.changed).count
        let bundle = draft.bundle
        return HTML(
            .safeAttribute("lang", draft.locale),
            PageHead.head(
                title: "\(words.compareTitle) – \(draft.text(bundle.clinic.name))", locale: draft.locale, locales: bundle.locales,
                defaultLocale: bundle.defaultLocale, page: "compare.html"),
            .body(
                .class("compare"),
                .header(
                    .h1(.words(words.compareTitle)),
                    .p(.class("banner"), .words("\(words.published): \(PageHead.banner(published.bundle, words))")),
                    .p(.class("banner"), .words("\(words.draft): \(PageHead.banner(bundle, words))")),
                    .p(.class("summary"), .words("\(words.changed): \(changedCount) / \(rows.count)")),
                    PageHead.languageLinks(draft, page: "compare.html")
                ),
                .main(.forEach(rows) { row in self.row(row, words: words) })
            )
        ).render(indentedBy: .spaces(1)) + "\n"
    }

    func row(_ row: Row, words: PageWords) -> Node<HTML.BodyContext> {
        .section(
            .class(row.changed ? "row changed" : "row"),
            .safeAttribute("id", "compare-\(row.id)"),
            .safeAttribute("data-section", row.id),
            .safeAttribute("data-changed", row.changed ? "true" : "false"),
            .safeAttribute("aria-labelledby", "compare-\(row.id)-title"),
            .h2(
                .safeAttribute("id", "compare-\(row.id)-title"), .words(row.title), .text(" "),
                .span(.class("mark"), .words(row.changed ? words.changed : words.unchanged))),
            .div(
                .class("sides"),
                side(row.published, label: words.published, kind: "published", row: row, words: words),
                side(row.draft, label: words.draft, kind: "draft", row: row, words: words)
            )
        )
    }

    func side(_ section: PageSection?, label: String, kind: String, row: Row, words: PageWords) -> Node<HTML.BodyContext> {
        .div(
            .class("side \(kind)"),
            .h3(.words(label)),
            section.map { $0.body(SectionPlace(headingLevel: 4, idPrefix: "\(kind)-")) } ?? .p(.class("absent"), .words(words.absent))
        )
    }
}
