import Plot

extension PageContext {
    /// The clinic's hours across its locations, as the bundle prints them.
    var hoursSection: PageSection {
        PageSection(id: "hours", title: words.hours) { _ in
            .ul(.class("lines"), .forEach(bundle.clinic.hoursSummary[locale] ?? []) { .li(.words($0)) })
        }
    }

    /// The phone as `tel:` and `sms:` links, each only when the number takes it.
    var phoneSection: PageSection {
        PageSection(id: "phone", title: words.phone) { _ in phoneLinks(bundle.clinic.phone) }
    }

    func phoneLinks(_ phone: PreviewBundle.Phone) -> Node<HTML.BodyContext> {
        .ul(
            .class("phone"),
            .unwrap(phone.links["tel"]) { link in
                .li(.a(.safeAttribute("href", link), .words("\(words.call) \(phone.display)")))
            },
            .unwrap(phone.links["sms"]) { link in
                .li(.a(.safeAttribute("href", link), .words("\(words.text) \(phone.display)")))
            },
            .if(phone.links.isEmpty, .li(.words(phone.display)))
        )
    }

    /// The social profiles; a link that is not a web address is shown as text.
    var socialSection: PageSection {
        PageSection(id: "social", title: words.social) { _ in
            .ul(
                .class("social"),
                .forEach(bundle.social) { link in
                    let name = link.handle.map { "\(link.networkName): @\($0)" } ?? link.networkName
                    return .li(
                        Escaping.isWebLink(link.url)
                            ? .a(.safeAttribute("href", link.url), .safeAttribute("rel", "me"), .words(name))
                            : .words("\(name) (\(link.url))"))
                }
            )
        }
    }

    /// `© 2022 by Jason The PT, LLC. All rights reserved.`, as on the clinic's page.
    var copyrightSection: PageSection {
        let holder = bundle.clinic.copyright?.holder ?? bundle.clinic.legalName
        let since = bundle.clinic.copyright.map { " \($0.since)" } ?? ""
        return PageSection(id: "copyright", title: "©", headingShown: false) { _ in
            .p(.class("copyright"), .words("©\(since) \(holder). \(words.allRightsReserved)"))
        }
    }
}
