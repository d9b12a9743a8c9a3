import Plot

extension PageContext {
    /// One section per category, in the bundle's order, each question an
    /// expandable `<details>` (no script needed).
    var faqSections: [PageSection] {
        bundle.categories.map { category in
            PageSection(id: "faq-\(category.id)", title: text(category.title)) { place in
                .div(
                    .class("faq"),
                    .forEach(bundle.entries(of: category)) { entry in
                        .details(
                            .safeAttribute("id", "\(place.idPrefix)q-\(entry.id)"),
                            .summary(fallbackLanguage(entry.question.fallbackLocales), .words(text(entry.question))),
                            .div(
                                .class("answer"),
                                fallbackLanguage(entry.answer.fallbackLocales),
                                // Raw on purpose: the exporter rendered this with cmark's
                                // safe mode (raw HTML and unsafe link schemes removed) and
                                // validation refused them before that; docs/bundle.md
                                // promises it "can be inserted into a page as is".
                                .raw(entry.answer.html[locale] ?? entry.answer.html[bundle.defaultLocale] ?? "")
                            )
                        )
                    }
                )
            }
        }
    }
}
