/// Rules for the clinic, its locations, social links and the FAQ.
extension ValidationRun {
    static let knownBusinessTypes: Set<String> = [
        "Physiotherapy", "MedicalClinic", "MedicalBusiness", "LocalBusiness", "HealthAndBeautyBusiness",
        "Chiropractic", "MedicalOrganization", "SportsActivityLocation", "Optician", "Dentist",
    ]

    mutating func checkClinic() {
        let file = sources.clinicFile
        let clinic = content.clinic
        checkText(clinic.name, file: file, field: "name", maxLength: 200)
        if !clinic.defaultLocale.isEmpty && !Formats.isLanguageTag(clinic.defaultLocale) {
            report(
                .localeTag, file, "defaultLocale",
                "defaultLocale \"\(clinic.defaultLocale)\" is not a language tag; write one like en or en-US")
        }
        if !clinic.timeZone.isEmpty && !Formats.isIANATimeZone(clinic.timeZone) {
            report(
                .clinicTimeZone, file, "timeZone",
                "timeZone \"\(clinic.timeZone)\" is not an IANA time zone id; write a region/city name like \"America/Chicago\", never an offset or abbreviation"
            )
        }
        if !clinic.phone.e164.isEmpty { checkPhone(clinic.phone, file: file, field: "phone") }
        if let website = clinic.website { checkHTTPS(website, file: file, field: "website") }
        if let email = clinic.email, !Formats.isEmail(email) {
            report(.clinicEmail, file, "email", "email \"\(email)\" is not an e-mail address like office@example.com")
        }
        if let copyright = clinic.copyright, !(1800...2200).contains(copyright.since) {
            report(.clinicCopyright, file, "copyright.since", "copyright.since \(copyright.since) is not a plausible year")
        }
        for (index, type) in clinic.businessTypes.enumerated() {
            let field = entry(file, "businessTypes", index)
            if type == "PhysicalTherapy" {
                report(
                    .clinicBusinessType, file, field,
                    "schema.org's PhysicalTherapy is a kind of therapy, not a business; a clinic is \"Physiotherapy\"")
            } else if !Self.knownBusinessTypes.contains(type) {
                report(
                    .clinicBusinessTypeUnknown, file, field,
                    "\"\(type)\" is not a schema.org business type clinicctl knows; search engines may ignore it")
            }
        }
        if clinic.businessTypes.isEmpty {
            report(.clinicBusinessType, file, "businessTypes", "businessTypes must name at least one schema.org type, like Physiotherapy")
        }
    }

    mutating func checkLocations() {
        var seen: [String: String] = [:]
        for (location, file) in zip(content.locations, sources.locationFiles) {
            checkIdentity(location.id, kind: "location", file: file, seen: &seen)
            checkText(location.label, file: file, field: "label", maxLength: 120)
            let address = location.address
            // A missing or empty list is reported when the file is read; here, lines that are all blank.
            if !address.street.isEmpty, address.street.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                report(.locationStreetRequired, file, "address.street", "address.street needs at least the street line")
            }
            if address.country.count != 2 || !address.country.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                report(.addressCountry, file, "address.country", "country \"\(address.country)\" must be a two-letter code like US")
            }
            if address.country == "US" {
                if !address.state.isEmpty, !Formats.usStates.contains(address.state) {
                    report(.addressState, file, "address.state", "state \"\(address.state)\" is not a two-letter USPS code like IL")
                }
                if !address.zip.isEmpty, !Formats.isZIP(address.zip) {
                    report(.addressZIP, file, "address.zip", "zip \"\(address.zip)\" must be five digits, or ZIP+4 like 60603-1234")
                }
            }
            if let c = location.coordinates, !(-90...90).contains(c.latitude) || !(-180...180).contains(c.longitude) {
                report(.locationCoordinates, file, "coordinates", "coordinates must have latitude -90…90 and longitude -180…180")
            }
            // A missing number is reported when the file is read (location.phone.e164.required).
            if let phone = location.phone, !phone.e164.isEmpty { checkPhone(phone, file: file, field: "phone") }
        }
    }

    mutating func checkSocial() {
        let file = sources.socialFile
        var networks: [SocialNetwork: Int] = [:]
        for (index, link) in content.social.enumerated() {
            let field = entry(file, "links", index)
            if let host = Formats.httpsHost(link.url) {
                let hosts = link.network.hosts
                if !hosts.isEmpty && !hosts.contains(host) {
                    report(
                        .socialHost, file, "\(field).url",
                        "\(link.network.displayName) links must point at \(hosts[0]), not \(host)")
                }
            } else if !link.url.isEmpty {
                // A missing url is already reported when the file is read (social.links.url.required).
                checkHTTPS(link.url, file: file, field: "\(field).url")
            }
            if let earlier = networks[link.network], link.network != .other {
                report(
                    .socialDuplicate, file, "\(field).network",
                    "\(link.network.displayName) is listed twice (also \(entry(file, "links", earlier))); keep one unless the clinic has two profiles"
                )
            }
            networks[link.network] = networks[link.network] ?? index
        }
    }

    mutating func checkFAQ() {
        let categoriesFile = sources.categoriesFile
        var categoryIDs: [String: String] = [:]
        for (index, category) in content.categories.enumerated() {
            checkIdentity(
                category.id, kind: "category", file: categoriesFile, field: "\(entry(categoriesFile, "categories", index)).id",
                namedAfterID: false, seen: &categoryIDs)
            checkText(category.title, file: categoriesFile, field: "\(entry(categoriesFile, "categories", index)).title", maxLength: 120)
        }
        var ids: [String: String] = [:]
        var positions: [Int: String] = [:]
        for (entry, file) in zip(content.faq, sources.faqFiles) {
            // Rules about the entry alone come from the record cache while the entry is the one they were made about.
            if let checked = checkedFAQ[file], checked.entry == entry, checked.locale == defaultLocale {
                findings += checked.findings
            } else {
                checkFAQEntry(entry, file: file)
            }
            checkUniqueID(entry.id, kind: "FAQ", file: file, seen: &ids)
            if !entry.category.isEmpty && categoryIDs[entry.category] == nil {
                report(
                    .refCategory, file, "category",
                    "category \"\(entry.category)\" does not exist; use one of: \(content.categories.map(\.id).joined(separator: ", "))")
            }
            if let other = positions[entry.position] {
                report(
                    .faqPositionDuplicate, file, "position",
                    "position \(entry.position) is also used by \(other); the page order between them is by id")
            }
            positions[entry.position] = positions[entry.position] ?? entry.id
        }
    }

    /// The rules about one FAQ entry that look at nothing else: what the record cache keeps per file.
    mutating func checkFAQEntry(_ entry: FAQEntry, file: String) {
        checkIDForm(entry.id, kind: "FAQ", file: file)
        checkText(entry.question, file: file, field: "question", maxLength: 200, lengthRule: .faqQuestionLength)
        checkText(entry.answer, file: file, field: "answer", maxLength: 10_000, lengthRule: .faqAnswerLength)
        // The default locale's answer is the Markdown body, which the YAML reader never saw.
        if let body = entry.answer.translations[defaultLocale] { checkPlain(body, file: file, field: "answer", multiline: true) }
        // An answer over the limit is refused by its length above, never handed to cmark.
        for (locale, markdown) in entry.answer.translations.sorted(by: { $0.key < $1.key }) where AnswerMarkdown.isWithinLimit(markdown) {
            checkMarkdown(
                markdown, file: file, field: locale == defaultLocale ? "answer" : "translations.\(locale).answer", locale: locale)
        }
        for (index, tag) in entry.tags.enumerated() where !Formats.isSlug(tag) {
            report(
                .faqTag, file, self.entry(file, "tags", index),
                "tag \"\(tag)\" must use lower-case letters, digits and hyphens, like \"\(Formats.slug(from: tag))\"")
        }
    }

    /// Raw HTML and unsafe link schemes, at their line in the file.
    mutating func checkMarkdown(_ markdown: String, file: String, field: String, locale: String) {
        let bodyStart = sources.position(file, field).line
        let offset = field == "answer" ? bodyStart - 1 : 0
        let named = field == "answer" ? nil : locale
        for problem in AnswerMarkdown.problems(in: markdown) {
            let line = field == "answer" ? offset + problem.line : bodyStart
            let column = field == "answer" ? problem.column : sources.position(file, field).column
            let finding: Finding
            switch problem.kind {
            case .rawHTML(let html):
                finding = Finding(
                    .faqAnswerHTML, file: file, line: line, column: column, field: field, locale: named,
                    message: "answers cannot contain raw HTML (\(html.prefix(40))); use Markdown only")
            case .linkScheme(let url):
                finding = Finding(
                    .faqAnswerLink, file: file, line: line, column: column, field: field, locale: named,
                    message: "link \"\(url.prefix(60))\" is not allowed; links must be full https, http, mailto, tel or sms addresses")
            case .image(let url):
                finding = Finding(
                    .faqAnswerImage, file: file, line: line, column: column, field: field, locale: named,
                    message:
                        "answers cannot embed images (\(url.prefix(60))): the page would fetch it from that site for every reader; link to it instead with [text](address)"
                )
            }
            findings.append(finding)
        }
    }
}
