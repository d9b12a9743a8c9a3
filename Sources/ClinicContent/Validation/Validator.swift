/// Checks a whole loaded content set against every rule and returns findings.
///
/// Each kind of record has its own file of rules (`Validator+Hours.swift`
/// and so on); this file holds the entry point and rules shared by all.
public struct Validator {
    public init() {}

    /// Reading findings plus every rule's findings, in print order.
    public func validate(_ loaded: LoadedContent) -> [Finding] {
        var run = ValidationRun(content: loaded.content, sources: loaded.sources, layout: loaded.layout)
        run.checkedFAQ = loaded.checkedFAQ
        run.checkClinic()
        run.checkLocations()
        run.checkHours()
        run.checkFAQ()
        run.checkSocial()
        return (loaded.findings + run.findings).ordered
    }

    /// Loads from `source` and validates.
    public func validate(_ source: any ContentSource, layout: ContentLayout = ContentLayout()) throws -> (LoadedContent, [Finding]) {
        let loaded = try ContentLoader(layout: layout).load(from: source)
        return (loaded, validate(loaded))
    }
}

/// One validation pass: the content, where it came from, and what was found.
struct ValidationRun {
    let content: SiteContent
    let sources: SourceMap
    let layout: ContentLayout
    var findings: [Finding] = []
    /// One-entry FAQ findings remembered by the record cache, per file.
    var checkedFAQ: [String: CheckedFAQ] = [:]

    var defaultLocale: String { content.clinic.defaultLocale }

    /// A finding of `rule` at `field` of `file` (about the `locale` translation, when given).
    mutating func report(_ rule: Rule, _ file: String, _ field: String, locale: String? = nil, _ message: String) {
        findings.append(sources.finding(rule, file, field, locale: locale, message))
    }

    /// The field of the `index`th entry read from `list`, at its real index in the file.
    func entry(_ file: String, _ list: String, _ index: Int) -> String { sources.entry(file, list, index) }

    /// Slug form, uniqueness among `ids`, and agreement with the file name (when the file is `namedAfterID`).
    mutating func checkIdentity(
        _ id: String, kind: String, file: String, field: String = "id", namedAfterID: Bool = true, seen: inout [String: String]
    ) {
        checkIDForm(id, kind: kind, file: file, field: field, namedAfterID: namedAfterID)
        checkUniqueID(id, kind: kind, file: file, field: field, namedAfterID: namedAfterID, seen: &seen)
    }

    /// Slug form and agreement with the file name: what an id alone can break.
    mutating func checkIDForm(_ id: String, kind: String, file: String, field: String = "id", namedAfterID: Bool = true) {
        // A missing id is reported when the file is read (`<kind>.id.required`).
        if id.isEmpty { return }
        if id.count > Formats.maxSlugLength {
            report(
                .idSlug, file, field,
                "\(kind) id \"\(id.prefix(30))…\" is \(id.count) characters long; ids are at most \(Formats.maxSlugLength), like \"\(Formats.slug(from: id))\""
            )
        } else if !Formats.isSlug(id) {
            report(
                .idSlug, file, field,
                "\(kind) id \"\(id)\" must use lower-case letters, digits and hyphens only, like \"\(Formats.slug(from: id))\"")
        }
        let stem = ContentLoader.stem(file)
        if namedAfterID, !file.isEmpty, stem != id, file.hasSuffix(".yaml") || file.hasSuffix(".md") {
            report(.idFilename, file, field, "\(kind) id \"\(id)\" does not match its file name \"\(stem)\"; rename one so they agree")
        }
    }

    /// Uniqueness among the ids `seen` so far (the first one keeps it).
    mutating func checkUniqueID(
        _ id: String, kind: String, file: String, field: String = "id", namedAfterID: Bool = true, seen: inout [String: String]
    ) {
        if id.isEmpty { return }
        if let other = seen[id] {
            report(.idUnique, file, field, "\(kind) id \"\(id)\" is also used by \(other); ids must be unique")
        } else {
            seen[id] = namedAfterID ? file : field
        }
    }

    /// Default-locale presence, language tags and length of one text (control characters are refused when the YAML is read).
    mutating func checkText(
        _ text: LocalizedText?, file: String, field: String, maxLength: Int? = nil, lengthRule: Rule = .textLength
    ) {
        guard let text else { return }
        if text.translations[defaultLocale] == nil, !text.translations.isEmpty {
            report(.localeDefaultMissing, file, field, "\(field) has no text in the clinic's default locale \"\(defaultLocale)\"")
        }
        for (locale, value) in text.translations.sorted(by: { $0.key < $1.key }) {
            let at = text.translations.count > 1 || locale != defaultLocale ? "\(field).\(locale)" : field
            // Findings about one translation among several name its locale.
            let named = at == field ? nil : locale
            // The default locale's tag is reported once, at clinic.yaml's defaultLocale, not at every text.
            if locale != defaultLocale, !Formats.isLanguageTag(locale) {
                report(.localeTag, file, at, locale: named, "\"\(locale)\" is not a language tag; write one like en, es or pt-BR")
            }
            if let maxLength, value.count > maxLength {
                report(lengthRule, file, at, locale: named, "\(field) is \(value.count) characters long; the limit is \(maxLength)")
            }
        }
    }

    /// Control characters in a text the YAML reader did not read (an FAQ answer's Markdown body).
    mutating func checkPlain(_ value: String, file: String, field: String, locale: String? = nil, multiline: Bool = false) {
        if let bad = Formats.controlCharacter(in: value, multiline: multiline) {
            report(.textControl, file, field, locale: locale, Formats.controlCharacterMessage(bad, in: field))
        }
    }

    mutating func checkPhone(_ phone: PhoneNumber, file: String, field: String) {
        if let problem = Formats.e164Problem(phone.e164) {
            report(.phoneE164, file, "\(field).e164", "\(field) \"\(phone.e164)\" is not a valid phone number: \(problem)")
        } else if let display = phone.display, !Formats.displayMatches(display, e164: phone.e164) {
            report(
                .phoneDisplay, file, "\(field).display",
                "\(field) display \"\(display)\" does not dial \(phone.e164); make them the same number")
        }
        if phone.capabilities.isEmpty {
            report(.phoneCapability, file, "\(field).capabilities", "\(field) must say what it is for: voice, sms or both")
        }
    }

    mutating func checkHTTPS(_ url: String, file: String, field: String) {
        if let problem = WebAddress.problem(url) {
            report(.urlHTTPS, file, field, "\(field) \"\(url)\" is refused: \(problem)")
        }
    }
}
